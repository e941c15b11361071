namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>
/// Gives back to the system the memory that a burst of work left committed, once the server has been idle for a
/// moment. Loading the catalog, building each pattern rule's automaton on its first use and linting newly opened
/// reports allocate far more than they keep, and the garbage collector keeps the regions it freed, so that the server
/// would stay as large as its busiest second. After a publication, if no other follows within
/// <see cref="IdleDelayMs"/> and the resident memory has grown by <see cref="GrowthBytes"/> since the last
/// compaction, one aggressive collection compacts the heap and releases the free regions (docs/performance.md).
/// </summary>
/// <remarks>
/// The growth condition keeps it rare: it runs after start-up and after documents are opened, not after every pause in
/// typing, whose garbage is short-lived and reused by the next keystroke. It runs on a timer thread, and the
/// collection lasts a few milliseconds for the heap of a server with a few reports open.
/// </remarks>
public sealed class IdleCompaction : IDisposable
{
    /// <summary>How long the server must have published nothing before it compacts.</summary>
    public const int IdleDelayMs = 250;

    /// <summary>How much the resident memory must have grown since the last compaction.</summary>
    public const long GrowthBytes = 4 * 1024 * 1024;

    private readonly Timer _timer;
    private long _residentAfterLast;

    /// <summary>Creates the compactor; nothing happens until <see cref="NoteWork"/> is called.</summary>
    public IdleCompaction() => _timer = new Timer(_ => CompactIfGrown(), null, Timeout.Infinite, Timeout.Infinite);

    /// <summary>The number of compactions made, for tests.</summary>
    public int Compactions { get; private set; }

    /// <summary>Notes that work was done: the idle delay starts again.</summary>
    public void NoteWork() => _timer.Change(IdleDelayMs, Timeout.Infinite);

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void CompactIfGrown()
    {
        if (Environment.WorkingSet < Interlocked.Read(ref _residentAfterLast) + GrowthBytes)
        {
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Interlocked.Exchange(ref _residentAfterLast, Environment.WorkingSet);
        Compactions++;
    }
}
