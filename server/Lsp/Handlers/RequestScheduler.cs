using System.Text.Json;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>
/// The scheduling policy of the server, read from each handler's <see cref="ILspHandler.MutatesState"/>, as the
/// request queue of Roslyn's CLaSP does:
/// <list type="bullet">
/// <item>messages take their turn in arrival order (the transport hands them over in that order);</item>
/// <item>a mutating handler's work runs alone: it starts once the earlier mutations have ended and the earlier
/// reads have taken their snapshot, and nothing later starts before it ends;</item>
/// <item>a read takes its snapshot in its turn, then computes on the thread pool, beside other reads and beside
/// later changes, which it cannot see.</item>
/// </list>
/// So a read can never overtake an earlier change, and a slow read never delays typing.
/// </summary>
public sealed class RequestScheduler
{
    private readonly Lock gate = new();
    private Task turnOfLast = Task.CompletedTask;

    /// <summary>
    /// Queues one message. Call it in arrival order; the returned task ends with the handler's answer (or its
    /// error, <see cref="OperationCanceledException"/> included).
    /// </summary>
    public Task<JsonElement> RunAsync(ILspHandler handler, JsonElement parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var turnEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (gate)
        {
            previous = turnOfLast;
            turnOfLast = turnEnded.Task;
        }

        return RunInTurnAsync(previous, turnEnded, handler, parameters, cancellationToken);
    }

    /// <summary>A task that ends when every message queued so far has had its turn (for tests and shutdown).</summary>
    public Task Drained
    {
        get
        {
            lock (gate)
            {
                return turnOfLast;
            }
        }
    }

    private static async Task<JsonElement> RunInTurnAsync(Task previous, TaskCompletionSource turnEnded, ILspHandler handler, JsonElement parameters, CancellationToken cancellationToken)
    {
        // The previous turn's task never faults: every turn ends with SetResult, whatever its handler did. When it
        // has ended already (the usual case), the message starts at once, on the transport's thread.
        await previous.ConfigureAwait(false);
        Func<CancellationToken, Task<JsonElement>> work;
        try
        {
            work = handler.Begin(parameters);
        }
        catch
        {
            turnEnded.SetResult();
            throw;
        }

        if (handler.MutatesState)
        {
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                turnEnded.SetResult();
            }
        }

        turnEnded.SetResult();
        return await Task.Run(() => work(cancellationToken), cancellationToken).ConfigureAwait(false);
    }
}
