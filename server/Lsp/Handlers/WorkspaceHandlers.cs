using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cnaemo.NoteLsp.Server.Io;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Server;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary><c>workspace/didChangeConfiguration</c>: applies pushed settings, or pulls them.</summary>
public sealed class DidChangeConfigurationHandler(ConfigurationPuller puller)
    : NotificationHandler<DidChangeConfigurationParams>("workspace/didChangeConfiguration", LspJsonContext.Wire.DidChangeConfigurationParams)
{
    protected override void Handle(DidChangeConfigurationParams parameters) => puller.Apply(parameters.Settings);
}

/// <summary><c>notelsp/didChangeWorkspaceTrust</c>: custom packs load once the workspace is trusted.</summary>
public sealed class DidChangeWorkspaceTrustHandler(ServerState state)
    : NotificationHandler<DidChangeWorkspaceTrustParams>("notelsp/didChangeWorkspaceTrust", LspJsonContext.Wire.DidChangeWorkspaceTrustParams)
{
    protected override void Handle(DidChangeWorkspaceTrustParams parameters) => state.UpdateTrust(parameters.Trusted);
}

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: when <c>.notelsp.json</c> at the workspace root changes, it is read again,
/// so that the settings, and the next "disable this rule for the workspace", start from what the user wrote.
/// </summary>
public sealed class DidChangeWatchedFilesHandler(ServerState state)
    : NotificationHandler<DidChangeWatchedFilesParams>("workspace/didChangeWatchedFiles", LspJsonContext.Wire.DidChangeWatchedFilesParams)
{
    protected override void Handle(DidChangeWatchedFilesParams parameters)
    {
        if (state.WorkspaceRoot is not { } root)
        {
            return;
        }

        var settingsFile = Path.GetFullPath(Path.Combine(root, WorkspaceSettingsFile.FileName));
        if (parameters.Changes.Any(change => ServerState.FilePath(change.Uri) is { } path
            && string.Equals(Path.GetFullPath(path), settingsFile, GuardedFile.PathComparison)))
        {
            state.ReloadWorkspaceFile();
        }
    }
}

/// <summary><c>workspace/executeCommand</c>: the commands of the contract.</summary>
public sealed class ExecuteCommandHandler(CommandRunner runner)
    : RequestHandler<ExecuteCommandParams, JsonElement>("workspace/executeCommand", LspJsonContext.Wire.ExecuteCommandParams, LspJsonContext.Wire.JsonElement)
{
    protected override async Task<JsonElement> RespondAsync(ExecuteCommandParams parameters, CancellationToken cancellationToken)
    {
        // A command may write .notelsp.json or send the client an edit made for the current text: it runs alone,
        // and the changes that the edit brings back wait for it to end.
        return await runner.RunAsync(parameters.Command, parameters.Arguments ?? [], cancellationToken).ConfigureAwait(false);
    }
}
