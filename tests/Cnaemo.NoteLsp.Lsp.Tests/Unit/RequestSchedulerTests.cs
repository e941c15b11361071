using System.Text.Json;
using Cnaemo.NoteLsp.Server.Lsp.Handlers;
using Xunit;

namespace Cnaemo.NoteLsp.Lsp.Tests.Unit;

/// <summary>
/// The scheduling policy (RequestScheduler, issue #18): mutations run alone in arrival order, reads take their
/// snapshot in their turn and then run side by side. The handlers here record what they saw and when, and the
/// tests hold a mutation open with a gate to show what may and may not overtake it.
/// </summary>
public sealed class RequestSchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_read_sent_after_a_change_sees_it_even_when_the_change_is_slow()
    {
        var scheduler = new RequestScheduler();
        var state = new SharedCounter();
        var gate = new TaskCompletionSource();
        var change = scheduler.RunAsync(new Mutation(state, gate.Task), default, CancellationToken.None);
        var read = scheduler.RunAsync(new Read(state), default, CancellationToken.None);

        await Task.Delay(100);
        Assert.False(read.IsCompleted, "the read must wait for the change sent before it");
        gate.SetResult();

        await change.WaitAsync(Patience);
        Assert.Equal(1, (await read.WaitAsync(Patience)).GetInt32());
    }

    [Fact]
    public async Task A_change_sent_after_a_read_is_not_seen_by_it_even_when_the_read_is_slow()
    {
        var scheduler = new RequestScheduler();
        var state = new SharedCounter();
        var readGate = new TaskCompletionSource();
        var read = scheduler.RunAsync(new Read(state, readGate.Task), default, CancellationToken.None);
        var change = scheduler.RunAsync(new Mutation(state, Task.CompletedTask), default, CancellationToken.None);

        // The change does not wait for the read's computation, only for its snapshot.
        await change.WaitAsync(Patience);
        Assert.Equal(1, state.Value);
        readGate.SetResult();
        Assert.Equal(0, (await read.WaitAsync(Patience)).GetInt32());
    }

    [Fact]
    public async Task Reads_run_side_by_side()
    {
        var scheduler = new RequestScheduler();
        var state = new SharedCounter();
        var bothStarted = new CountdownEvent(2);
        var gate = new TaskCompletionSource();
        var first = scheduler.RunAsync(new Read(state, gate.Task, bothStarted), default, CancellationToken.None);
        var second = scheduler.RunAsync(new Read(state, gate.Task, bothStarted), default, CancellationToken.None);

        Assert.True(bothStarted.Wait(Patience), "the second read must start while the first one still runs");
        gate.SetResult();
        await Task.WhenAll(first, second).WaitAsync(Patience);
    }

    [Fact]
    public async Task Mutations_apply_one_at_a_time_in_arrival_order()
    {
        var scheduler = new RequestScheduler();
        var order = new List<int>();
        var gate = new TaskCompletionSource();
        var running = 0;
        var overlapped = false;
        var tasks = Enumerable.Range(0, 20).Select(i => scheduler.RunAsync(
            new Recording(i, order, i == 0 ? gate.Task : Task.CompletedTask, () =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
            }, () => Interlocked.Decrement(ref running)),
            default,
            CancellationToken.None)).ToList();

        gate.SetResult();
        await Task.WhenAll(tasks).WaitAsync(Patience);
        Assert.Equal(Enumerable.Range(0, 20), order);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_failing_or_cancelled_message_does_not_block_the_next_ones()
    {
        var scheduler = new RequestScheduler();
        var state = new SharedCounter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var bad = scheduler.RunAsync(new Failing(), default, CancellationToken.None);
        var gone = scheduler.RunAsync(new Read(state), default, cancelled.Token);
        var change = scheduler.RunAsync(new Mutation(state, Task.CompletedTask), default, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        await change.WaitAsync(Patience);
        await scheduler.Drained.WaitAsync(Patience);
        Assert.Equal(1, state.Value);
    }

    private sealed class SharedCounter
    {
        public int Value;
    }

    private static JsonElement Number(int value) => JsonDocument.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture)).RootElement.Clone();

    /// <summary>Increments the counter once its gate opens.</summary>
    private sealed class Mutation(SharedCounter state, Task gate) : ILspHandler
    {
        public string Method => "test/change";

        public bool IsNotification => true;

        public bool MutatesState => true;

        public Func<CancellationToken, Task<JsonElement>> Begin(JsonElement parameters) => async _ =>
        {
            await gate.ConfigureAwait(false);
            Interlocked.Increment(ref state.Value);
            return Number(state.Value);
        };
    }

    /// <summary>Captures the counter in its turn, then answers what it captured once its gate opens.</summary>
    private sealed class Read(SharedCounter state, Task? gate = null, CountdownEvent? started = null) : ILspHandler
    {
        public string Method => "test/read";

        public bool IsNotification => false;

        public bool MutatesState => false;

        public Func<CancellationToken, Task<JsonElement>> Begin(JsonElement parameters)
        {
            var captured = Volatile.Read(ref state.Value);
            return async cancellationToken =>
            {
                started?.Signal();
                await (gate ?? Task.CompletedTask).WaitAsync(cancellationToken).ConfigureAwait(false);
                return Number(captured);
            };
        }
    }

    /// <summary>A mutation that records its place and whether another one ran at the same time.</summary>
    private sealed class Recording(int index, List<int> order, Task gate, Action enter, Action leave) : ILspHandler
    {
        public string Method => "test/record";

        public bool IsNotification => true;

        public bool MutatesState => true;

        public Func<CancellationToken, Task<JsonElement>> Begin(JsonElement parameters) => async _ =>
        {
            enter();
            await gate.ConfigureAwait(false);
            await Task.Yield();
            lock (order)
            {
                order.Add(index);
            }

            leave();
            return Number(index);
        };
    }

    /// <summary>Fails while reading its parameters, as a malformed message does.</summary>
    private sealed class Failing : ILspHandler
    {
        public string Method => "test/fail";

        public bool IsNotification => false;

        public bool MutatesState => true;

        public Func<CancellationToken, Task<JsonElement>> Begin(JsonElement parameters) => throw new InvalidOperationException("bad parameters");
    }
}
