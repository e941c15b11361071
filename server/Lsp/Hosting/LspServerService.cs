using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Handlers;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Hosting;

/// <summary>The exit code the host returns once the session ends.</summary>
public sealed class ExitCodeHolder
{
    /// <summary>1 unless the session ended after <c>shutdown</c>.</summary>
    public int Value { get; set; } = 1;
}

/// <summary>
/// Runs one LSP session over the given streams: connects StreamJsonRpc, waits for <c>exit</c> or the end of
/// input, records the exit code and stops the host.
/// </summary>
public sealed class LspServerService(
    LspStreams streams,
    IEnumerable<ILspHandler> handlers,
    ServerState state,
    LspClient client,
    LspSession session,
    DiagnosticsPublisher publisher,
    ExitCodeHolder exitCode,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggerFactory.CreateLogger("notelsp.server");
        state.SettingsChanged += (_, _) => publisher.ScheduleAll();
        using var rpc = LspConnection.Create(streams.Output, streams.Input, handlers, state, loggerFactory, out var messageHandler);
        client.Attach(rpc);
        rpc.StartListening();
        logger.LogDebug("En écoute sur l'entrée standard.");

        var finished = await Task.WhenAny(session.Exited, rpc.Completion, Task.Delay(Timeout.Infinite, stoppingToken)).ConfigureAwait(false);
        if (finished != session.Exited)
        {
            session.ConnectionLost();
        }

        exitCode.Value = await session.Exited.ConfigureAwait(false);

        // The answers to the requests sent before exit (shutdown's above all) go out before the connection closes.
        await messageHandler.WaitForAnswersAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        logger.LogDebug("Fin de session, code {Code}.", exitCode.Value);
        lifetime.StopApplication();
    }
}

/// <summary>The protocol streams: standard input and output in production, pipes in tests.</summary>
public sealed record LspStreams(Stream Input, Stream Output);
