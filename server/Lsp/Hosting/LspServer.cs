using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Handlers;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Hosting;

/// <summary>The protocol streams: standard input and output in production, pipes in tests.</summary>
public sealed record LspStreams(Stream Input, Stream Output);

/// <summary>
/// The objects one session shares, built once by <see cref="LspServer"/>. Handlers receive what they need from it
/// in <see cref="HandlerRegistry"/>.
/// </summary>
public sealed class LspServices
{
    /// <summary>Builds the session's objects; <paramref name="loggerFactory"/> gives each its logger.</summary>
    public LspServices(LspClient client, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Client = client;
        LoggerFactory = loggerFactory;
        State = new ServerState(Logger<ServerState>());
        Session = new LspSession(State);
        Documents = new DocumentStore();
        Analysis = new DocumentAnalysis(State);
        Publisher = new DiagnosticsPublisher(Documents, Analysis, State, Client, Logger<DiagnosticsPublisher>());
        Puller = new ConfigurationPuller(State, Client, Logger<ConfigurationPuller>());
        Pseudonymise = new PseudonymiseCommand(State);
        Commands = new CommandRunner(Documents, Analysis, State, Client, Pseudonymise, Logger<CommandRunner>());
    }

    /// <summary>Server-to-client messages.</summary>
    public LspClient Client { get; }

    /// <summary>Where every logger comes from.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Lifecycle, workspace, trust and settings.</summary>
    public ServerState State { get; }

    /// <summary>The end of the session and its exit code.</summary>
    public LspSession Session { get; }

    /// <summary>The open documents.</summary>
    public DocumentStore Documents { get; }

    /// <summary>Linting with the latest result per document.</summary>
    public DocumentAnalysis Analysis { get; }

    /// <summary>Pushed diagnostics, debounced.</summary>
    public DiagnosticsPublisher Publisher { get; }

    /// <summary>Reads the client's settings.</summary>
    public ConfigurationPuller Puller { get; }

    /// <summary>The "pseudonymise" command.</summary>
    public PseudonymiseCommand Pseudonymise { get; }

    /// <summary>Every <c>workspace/executeCommand</c> command.</summary>
    public CommandRunner Commands { get; }

    /// <summary>A logger named after <typeparamref name="T"/>.</summary>
    public ILogger<T> Logger<T>() => LoggerFactory.CreateLogger<T>();
}

/// <summary>
/// Runs one LSP session over the given streams: builds the session's objects, connects StreamJsonRpc, waits for
/// <c>exit</c> or the end of input, and returns the exit code.
/// </summary>
/// <remarks>
/// The objects are built by hand rather than by a dependency-injection container: in the native server, the
/// Microsoft.Extensions host and container cost about 25 M instructions before <c>initialize</c> could be read,
/// most of it generic types the runtime built on the fly. A session has a dozen objects, all singletons; wiring
/// them in <see cref="LspServices"/> and <see cref="HandlerRegistry"/> keeps that cost out of start-up.
/// </remarks>
public static class LspServer
{
    /// <summary>Runs a session until <c>exit</c>, the end of input or <paramref name="cancellationToken"/>.</summary>
    public static async Task<int> RunAsync(LspStreams streams, TextWriter stderr, LogLevel level, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var client = new LspClient();
        using var loggerFactory = new LoggerFactory([new LspLoggerProvider(client, stderr, level)], new LoggerFilterOptions { MinLevel = level });
        var services = new LspServices(client, loggerFactory);
        var logger = loggerFactory.CreateLogger("notelsp.server");
        services.State.SettingsChanged += (_, _) => services.Publisher.ScheduleAll();
        using var rpc = LspConnection.Create(streams.Output, streams.Input, HandlerRegistry.Create(services), services.State, loggerFactory);
        client.Attach(rpc);
        rpc.StartListening();
        logger.LogDebug("En écoute sur l'entrée standard.");

        var session = services.Session;
        var finished = await Task.WhenAny(session.Exited, rpc.Completion, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        if (finished != session.Exited)
        {
            session.ConnectionLost();
        }

        var exitCode = await session.Exited.ConfigureAwait(false);
        logger.LogDebug("Fin de session, code {Code}.", exitCode);
        return exitCode;
    }
}
