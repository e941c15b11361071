using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary><c>initialize</c>: records the workspace, trust and settings; announces the capabilities.</summary>
public sealed class InitializeHandler(ServerState state, ILogger<InitializeHandler> logger)
    : RequestHandler<InitializeParams, InitializeResult>("initialize", LspJsonContext.Wire.InitializeParams, LspJsonContext.Wire.InitializeResult)
{
    protected override Task<InitializeResult> RespondAsync(InitializeParams parameters, CancellationToken cancellationToken)
    {
        state.Initialize(parameters);
        logger.LogInformation("Initialisé : espace de travail {Workspace}, {Trust}.", state.WorkspaceRoot is null ? "absent" : "présent", state.IsTrusted ? "approuvé" : "non approuvé");
        return Task.FromResult(new InitializeResult(Capabilities, new ServerInfo("notelsp", typeof(InitializeHandler).Assembly.GetName().Version?.ToString(3))));
    }

    /// <summary>
    /// Builds the serialisation metadata of initialize's parameters and answer, which System.Text.Json otherwise
    /// builds on first use, while the answer is awaited. Run on another thread while the host starts.
    /// </summary>
    public static void WarmUp()
    {
        _ = JsonSerializer.SerializeToUtf8Bytes(new InitializeResult(Capabilities, new ServerInfo("notelsp", null)), LspJsonContext.Wire.InitializeResult);
        _ = JsonSerializer.Deserialize("""{"processId":null,"rootUri":null,"capabilities":{}}"""u8, LspJsonContext.Wire.InitializeParams);
        _ = JsonSerializer.SerializeToUtf8Bytes(new LogMessageParams(MessageType.Info, string.Empty), LspJsonContext.Wire.LogMessageParams);
    }

    /// <summary>The capabilities of the contract.</summary>
    public static ServerCapabilities Capabilities { get; } = new()
    {
        TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: 2, Save: new SaveOptions(IncludeText: false)),
        HoverProvider = true,
        CodeActionProvider = new CodeActionOptions([CodeActionBuilder.QuickFix, CodeActionBuilder.FixAll], ResolveProvider: true),
        DiagnosticProvider = new DiagnosticOptions("notelsp", InterFileDependencies: false, WorkspaceDiagnostics: false),
        ExecuteCommandProvider = new ExecuteCommandOptions([.. LspCommands.All]),
    };
}

/// <summary>
/// <c>initialized</c>: pulls the settings when the client answers <c>workspace/configuration</c>, and asks it to
/// watch <c>.notelsp.json</c>.
/// </summary>
public sealed class InitializedHandler(ConfigurationPuller puller)
    : NotificationHandler<JsonElement>("initialized", LspJsonContext.Wire.JsonElement)
{
    protected override void Handle(JsonElement parameters)
    {
        puller.PullInBackground();
        puller.WatchSettingsFileInBackground();
    }
}

/// <summary><c>shutdown</c>: from now on only <c>exit</c> is accepted.</summary>
public sealed class ShutdownHandler(ServerState state, ILogger<ShutdownHandler> logger)
    : RequestHandler<JsonElement, JsonElement>("shutdown", LspJsonContext.Wire.JsonElement, LspJsonContext.Wire.JsonElement)
{
    protected override Task<JsonElement> RespondAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        state.RequestShutdown();
        logger.LogInformation("Arrêt demandé.");
        return Task.FromResult(HandlerParams.Null);
    }
}

/// <summary><c>exit</c>: ends the process, with code 0 after <c>shutdown</c> and 1 otherwise.</summary>
public sealed class ExitHandler(LspSession session)
    : NotificationHandler<JsonElement>("exit", LspJsonContext.Wire.JsonElement)
{
    protected override void Handle(JsonElement parameters) => session.RequestExit();
}

/// <summary><c>$/setTrace</c>: accepted and ignored; the server's own log level is set on the command line.</summary>
public sealed class SetTraceHandler()
    : NotificationHandler<JsonElement>("$/setTrace", LspJsonContext.Wire.JsonElement)
{
    public override bool MutatesState => false;

    protected override void Handle(JsonElement parameters)
    {
    }
}
