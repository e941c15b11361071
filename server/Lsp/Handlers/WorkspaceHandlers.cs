using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cnaemo.NoteLsp.Server.Io;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Server;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary><c>workspace/didChangeConfiguration</c>: applies pushed settings, or pulls them.</summary>
public sealed class DidChangeConfigurationHandler(ConfigurationPuller puller) : NotificationHandler<DidChangeConfigurationParams>
{
    /// <inheritdoc />
    public override string Method => "workspace/didChangeConfiguration";

    /// <inheritdoc />
    protected override JsonTypeInfo<DidChangeConfigurationParams> ParamsType => LspJsonContext.Wire.DidChangeConfigurationParams;

    /// <inheritdoc />
    protected override void Handle(DidChangeConfigurationParams parameters) => puller.Apply(parameters.Settings);
}

/// <summary><c>notelsp/didChangeWorkspaceTrust</c>: custom packs load once the workspace is trusted.</summary>
public sealed class DidChangeWorkspaceTrustHandler(ServerState state) : NotificationHandler<DidChangeWorkspaceTrustParams>
{
    /// <inheritdoc />
    public override string Method => "notelsp/didChangeWorkspaceTrust";

    /// <inheritdoc />
    protected override JsonTypeInfo<DidChangeWorkspaceTrustParams> ParamsType => LspJsonContext.Wire.DidChangeWorkspaceTrustParams;

    /// <inheritdoc />
    protected override void Handle(DidChangeWorkspaceTrustParams parameters) => state.UpdateTrust(parameters.Trusted);
}

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: when <c>.notelsp.json</c> at the workspace root changes, it is read again,
/// so that the settings, and the next "disable this rule for the workspace", start from what the user wrote.
/// </summary>
public sealed class DidChangeWatchedFilesHandler(ServerState state) : NotificationHandler<DidChangeWatchedFilesParams>
{
    /// <inheritdoc />
    public override string Method => "workspace/didChangeWatchedFiles";

    /// <inheritdoc />
    protected override JsonTypeInfo<DidChangeWatchedFilesParams> ParamsType => LspJsonContext.Wire.DidChangeWatchedFilesParams;

    /// <inheritdoc />
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
public sealed class ExecuteCommandHandler(CommandRunner runner) : RequestHandler<ExecuteCommandParams, JsonElement>
{
    /// <inheritdoc />
    public override string Method => "workspace/executeCommand";

    /// <inheritdoc />
    public override bool MutatesState => true;

    /// <inheritdoc />
    protected override JsonTypeInfo<ExecuteCommandParams> ParamsType => LspJsonContext.Wire.ExecuteCommandParams;

    /// <inheritdoc />
    protected override JsonTypeInfo<JsonElement> ResultType => LspJsonContext.Wire.JsonElement;

    /// <inheritdoc />
    protected override async Task<JsonElement> RespondAsync(ExecuteCommandParams parameters, CancellationToken cancellationToken)
    {
        // Commands lint and wait on the client (workspace/applyEdit): they run on the thread pool so that the
        // dispatch context stays free for the messages that arrive meanwhile.
        return await Task.Run(() => runner.RunAsync(parameters.Command, parameters.Arguments ?? [], cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
