using System.Text.Json;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Server;

/// <summary>
/// Reads the <c>notelsp</c> settings: pulled with <c>workspace/configuration</c> when the client supports it, or
/// taken from <c>didChangeConfiguration</c> when it pushes them.
/// </summary>
public sealed class ConfigurationPuller(ServerState state, LspClient client, ILogger<ConfigurationPuller> logger)
{
    /// <summary>The settings section.</summary>
    public const string Section = "notelsp";

    private static readonly JsonElement WatchRegistration = JsonDocument.Parse(
        """{"registrations":[{"id":"notelsp.watch-settings-file","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/.notelsp.json"}]}}]}""").RootElement.Clone();

    /// <summary>
    /// Asks the client to report changes to <c>.notelsp.json</c>, when it can watch files and there is a workspace.
    /// </summary>
    public void WatchSettingsFileInBackground()
    {
        if (!state.ClientWatchesFiles || state.WorkspaceRoot is null)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await client.RequestAsync("client/registerCapability", WatchRegistration, LspJsonContext.Wire.JsonElement, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Without the watch, the file is still read again before every write.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning("Surveillance de .notelsp.json refusée par le client ({Error}).", e.GetType().Name);
            }
        });
    }

    /// <summary>Pulls the settings without blocking the caller (a notification handler).</summary>
    public void PullInBackground()
    {
        if (!state.ClientSupportsConfiguration)
        {
            return;
        }

        _ = Task.Run(PullAsync, CancellationToken.None);
    }

    /// <summary>Applies settings pushed in <c>didChangeConfiguration</c>; pulls when none were pushed.</summary>
    public void Apply(JsonElement pushed)
    {
        if (pushed.ValueKind == JsonValueKind.Object && pushed.TryGetProperty(Section, out var section))
        {
            state.UpdateClientSettings(Parse(section));
            return;
        }

        PullInBackground();
    }

    private async Task PullAsync()
    {
        try
        {
            var result = await client.RequestAsync(
                "workspace/configuration",
                new ConfigurationParams([new ConfigurationItem(null, Section)]),
                LspJsonContext.Wire.ConfigurationParams,
                CancellationToken.None).ConfigureAwait(false);
            if (result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0)
            {
                state.UpdateClientSettings(Parse(result[0]));
            }
        }
#pragma warning disable CA1031 // A client that fails to answer leaves the settings as they were.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning("workspace/configuration sans réponse exploitable ({Error}) : réglages inchangés.", e.GetType().Name);
        }
    }

    private NoteLspSettings? Parse(JsonElement section) => InitializationOptionsReader.ReadSettings(section, logger);
}
