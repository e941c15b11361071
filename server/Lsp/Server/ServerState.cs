using System.Text.Json;
using Cnaemo.NoteLsp.Server.Io;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Server;

/// <summary>
/// The server's mutable state besides the documents: lifecycle, workspace, trust and settings. Only mutating
/// handlers change it, one at a time; readers take <see cref="Settings"/> once and keep that instance.
/// </summary>
public sealed class ServerState(ILogger<ServerState> logger)
{
    private readonly Lock _lock = new();
    private NoteLspSettings? _clientSettings;
    private WorkspaceFileSettings? _workspaceFile;
    private readonly TaskCompletionSource _initializeAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile EffectiveSettings _settings = EffectiveSettings.Default;

    /// <summary>True once <c>initialize</c> was answered.</summary>
    public bool IsInitialized { get; private set; }

    /// <summary>True once <c>shutdown</c> was received.</summary>
    public bool IsShutdownRequested { get; private set; }

    /// <summary>The workspace folder on disk, or null (no folder, or not a file URI).</summary>
    public string? WorkspaceRoot { get; private set; }

    /// <summary>True when the client says the workspace is trusted; custom packs load only then.</summary>
    public bool IsTrusted { get; private set; }

    /// <summary>True when the client answers <c>workspace/configuration</c>.</summary>
    public bool ClientSupportsConfiguration { get; private set; }

    /// <summary>The settings in force.</summary>
    public EffectiveSettings Settings => _settings;

    /// <summary>Raised after each settings change, to republish diagnostics.</summary>
    public event EventHandler? SettingsChanged;

    /// <summary>Records what <c>initialize</c> tells.</summary>
    public void Initialize(InitializeParams parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        lock (_lock)
        {
            WorkspaceRoot = FilePath(parameters.WorkspaceFolders?.FirstOrDefault()?.Uri ?? parameters.RootUri);
            var options = InitializationOptionsReader.Read(parameters.InitializationOptions, logger);
            IsTrusted = options?.WorkspaceTrusted == true;
            ClientSupportsConfiguration = ReadsConfiguration(parameters.Capabilities);
            ClientWatchesFiles = WatchesFiles(parameters.Capabilities);
            _clientSettings = options?.Settings;
            _workspaceFile = WorkspaceSettingsFile.Read(WorkspaceRoot, logger);
            IsInitialized = true;
            Rebuild(raiseEvent: false);
        }
    }

    /// <summary>
    /// Records that the answer to <c>initialize</c> has been handed to the transport. The rules are loaded in the
    /// background only from then on: loading them sooner took the memory, the garbage collector and, on a busy
    /// machine, the second core away from the start-up the client is waiting for.
    /// </summary>
    public void MarkInitializeAnswered() => _initializeAnswered.TrySetResult();

    /// <summary>Records <c>shutdown</c>.</summary>
    public void RequestShutdown() => IsShutdownRequested = true;

    /// <summary>Replaces the client's settings (from <c>workspace/configuration</c> or a change notification).</summary>
    public void UpdateClientSettings(NoteLspSettings? settings)
    {
        lock (_lock)
        {
            _clientSettings = settings;
            Rebuild(raiseEvent: true);
        }
    }

    /// <summary>Changes the trust state.</summary>
    public void UpdateTrust(bool trusted)
    {
        lock (_lock)
        {
            IsTrusted = trusted;
            Rebuild(raiseEvent: true);
        }
    }

    /// <summary>True when the client can be asked to watch files (<c>workspace/didChangeWatchedFiles</c>).</summary>
    public bool ClientWatchesFiles { get; private set; }

    /// <summary>Reads <c>.notelsp.json</c> again, after the client reported a change to it.</summary>
    public void ReloadWorkspaceFile()
    {
        lock (_lock)
        {
            _workspaceFile = WorkspaceSettingsFile.Read(WorkspaceRoot, logger);
            Rebuild(raiseEvent: true);
        }
    }

    /// <summary>
    /// Adds a rule to the workspace's disabled list. The file is read again first, so that edits the user made since
    /// the start are kept: the new settings are those of the file as it is now, plus the rule. Returns them with the
    /// text they were computed from, which the edit must replace; throws <see cref="Io.GuardedFileException"/> or
    /// <see cref="System.Text.Json.JsonException"/> when the file cannot be read safely, and then nothing is written.
    /// </summary>
    public (WorkspaceFileSettings Settings, string CurrentText) DisableInWorkspace(string ruleId)
    {
        lock (_lock)
        {
            var currentText = WorkspaceRoot is { } root ? WorkspaceSettingsFile.ReadText(root) : string.Empty;
            if (WorkspaceRoot is not null)
            {
                _workspaceFile = WorkspaceSettingsFile.Parse(currentText, logger);
            }

            var disabled = new List<string>(_workspaceFile?.Rules?.Disabled ?? []);
            if (!disabled.Contains(ruleId, StringComparer.Ordinal))
            {
                disabled.Add(ruleId);
            }

            _workspaceFile = new WorkspaceFileSettings(new RuleSettings(disabled, _workspaceFile?.Rules?.Severity));
            Rebuild(raiseEvent: true);
            return (_workspaceFile, currentText);
        }
    }

    private void Rebuild(bool raiseEvent)
    {
        _settings = SettingsResolver.Resolve(_clientSettings, _workspaceFile, IsTrusted, WorkspaceRoot, _settings.Generation + 1, logger);

        // The catalog-dependent part is resolved off the message loop, as soon as initialize has been answered, so
        // that the first diagnostics do not wait for it longer than the catalog itself takes, and so that a bad
        // custom pack is reported at once. Anything that lints before that resolves it on first use. It runs on a
        // thread of its own: reading standard input already holds one of the thread pool's two threads (one per
        // core), and loading the packs on the other left the copy of the initialize answer to standard output
        // waiting until they were loaded (strace: answer written after the packs, 140 ms from spawn, not 68 ms).
        var rules = _settings.Rules;
        _ = _initializeAnswered.Task.ContinueWith(_ => rules.Value, CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
        if (raiseEvent)
        {
            SettingsChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>The local path of a file URI, or null.</summary>
    public static string? FilePath(string? uri) => FileUri.ToLocalPath(uri);

    private static bool WatchesFiles(JsonElement capabilities) =>
        capabilities.ValueKind == JsonValueKind.Object
        && capabilities.TryGetProperty("workspace", out var workspace)
        && workspace.ValueKind == JsonValueKind.Object
        && workspace.TryGetProperty("didChangeWatchedFiles", out var watched)
        && watched.ValueKind == JsonValueKind.Object
        && watched.TryGetProperty("dynamicRegistration", out var dynamic)
        && dynamic.ValueKind == JsonValueKind.True;

    private static bool ReadsConfiguration(JsonElement capabilities) =>
        capabilities.ValueKind == JsonValueKind.Object
        && capabilities.TryGetProperty("workspace", out var workspace)
        && workspace.ValueKind == JsonValueKind.Object
        && workspace.TryGetProperty("configuration", out var configuration)
        && configuration.ValueKind == JsonValueKind.True;
}
