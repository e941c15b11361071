using System.Text.Json;

namespace Cnaemo.NoteLsp.Server.Lsp.Protocol;

/// <summary>Parameters of <c>initialize</c>.</summary>
public sealed record InitializeParams
{
    /// <summary>The client's process, or null.</summary>
    public int? ProcessId { get; init; }

    /// <summary>The workspace root (deprecated in favour of folders, still sent by most clients).</summary>
    public string? RootUri { get; init; }

    /// <summary>The workspace folders.</summary>
    public List<WorkspaceFolder>? WorkspaceFolders { get; init; }

    /// <summary>What the client supports; read with <see cref="ClientCapabilityReader"/>.</summary>
    public JsonElement Capabilities { get; init; }

    /// <summary>
    /// Trust and settings, as the contract describes. Kept raw and read leniently by
    /// <see cref="InitializationOptionsReader"/>: a client that sends an odd shape (Lua's empty table is an empty
    /// array) must still get a working server with default settings.
    /// </summary>
    public JsonElement InitializationOptions { get; init; }
}

/// <summary>A workspace folder.</summary>
public sealed record WorkspaceFolder(string Uri, string? Name);

/// <summary>The <c>initializationOptions</c> of the contract.</summary>
public sealed record InitializationOptions(bool? WorkspaceTrusted, NoteLspSettings? Settings);

/// <summary>The answer to <c>initialize</c>.</summary>
public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

/// <summary>Name and version of this server.</summary>
public sealed record ServerInfo(string Name, string? Version);

/// <summary>What this server offers.</summary>
public sealed record ServerCapabilities
{
    /// <summary>Incremental sync with open/close and save.</summary>
    public required TextDocumentSyncOptions TextDocumentSync { get; init; }

    /// <summary>Hover on findings.</summary>
    public bool HoverProvider { get; init; }

    /// <summary>Quick fixes and fix-all.</summary>
    public required CodeActionOptions CodeActionProvider { get; init; }

    /// <summary>Pull diagnostics.</summary>
    public required DiagnosticOptions DiagnosticProvider { get; init; }

    /// <summary>The commands of the contract.</summary>
    public required ExecuteCommandOptions ExecuteCommandProvider { get; init; }
}

/// <summary>Text synchronisation options.</summary>
public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

/// <summary>Save notification options.</summary>
public sealed record SaveOptions(bool IncludeText);

/// <summary>Code action options.</summary>
public sealed record CodeActionOptions(List<string> CodeActionKinds, bool ResolveProvider);

/// <summary>Pull diagnostic options.</summary>
public sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

/// <summary>Commands the server runs.</summary>
public sealed record ExecuteCommandOptions(List<string> Commands);

/// <summary>Parameters of <c>workspace/didChangeConfiguration</c>: either the settings or nothing (then pull).</summary>
public sealed record DidChangeConfigurationParams(JsonElement Settings);

/// <summary>Parameters of the custom notification <c>notelsp/didChangeWorkspaceTrust</c>.</summary>
public sealed record DidChangeWorkspaceTrustParams(bool Trusted);

/// <summary>The <c>notelsp</c> settings section of the contract.</summary>
public sealed record NoteLspSettings
{
    /// <summary>Delay between the last change and the pushed diagnostics, in milliseconds; 0 allowed.</summary>
    public int? DebounceMs { get; init; }

    /// <summary>Rules switched off and severity overrides.</summary>
    public RuleSettings? Rules { get; init; }

    /// <summary>Workspace-relative YAML packs, loaded only in a trusted workspace.</summary>
    public List<string>? CustomPacks { get; init; }

    /// <summary>Messages language; only "fr" exists.</summary>
    public string? Language { get; init; }

    /// <summary>The most diagnostics shown for one document, then one "N more" diagnostic; 0 or absent shows all.</summary>
    public int? MaxDiagnosticsPerDocument { get; init; }

    /// <summary>How names are replaced.</summary>
    public PseudonymisationSettings? Pseudonymisation { get; init; }

    /// <summary>
    /// <c>notelsp.groupFindings</c>: true (the default) for one finding per fact, false for every rule's finding on its
    /// own.
    /// </summary>
    public bool? GroupFindings { get; init; }
}

/// <summary>The <c>rules</c> part of the settings.</summary>
public sealed record RuleSettings(List<string>? Disabled, Dictionary<string, string>? Severity);

/// <summary>The <c>pseudonymisation</c> part of the settings.</summary>
/// <param name="Style">"initials" (Théo Martin → T. M.) or "role".</param>
/// <param name="Roles">With the role style: the role to write for each name, such as "Théo Martin" → "l'enfant".</param>
public sealed record PseudonymisationSettings(string? Style, Dictionary<string, string>? Roles);

/// <summary>The workspace file <c>.notelsp.json</c> that "disable this rule for the workspace" writes.</summary>
public sealed record WorkspaceFileSettings(RuleSettings? Rules)
{
    /// <summary><c>groupFindings</c>: false reports every rule's finding on its own; absent or true groups them.</summary>
    public bool? GroupFindings { get; init; }
}

/// <summary>Parameters of <c>workspace/didChangeWatchedFiles</c>.</summary>
public sealed record DidChangeWatchedFilesParams(List<FileEvent> Changes);

/// <summary>One file change: 1 created, 2 changed, 3 deleted.</summary>
public sealed record FileEvent(string Uri, int Type);
