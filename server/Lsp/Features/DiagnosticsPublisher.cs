using System.Collections.Concurrent;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>
/// Pushes <c>textDocument/publishDiagnostics</c>, debounced: each change restarts the document's timer, and only
/// the snapshot current when the timer fires is linted. A newer change cancels a run in progress. The wait has a
/// maximum, <see cref="MaxWaitMs"/>: a fast typist who never pauses still sees diagnostics that often, since a run
/// due at its maximum is no longer cancelled by the next keystroke.
/// </summary>
public sealed class DiagnosticsPublisher(DocumentStore documents, DocumentAnalysis analysis, ServerState state, LspClient client, ILogger<DiagnosticsPublisher> logger)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _waitingSince = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CancellationTokenSource, byte> _due = new();

    /// <summary>The longest wait between a change and its diagnostics, whatever the typing: 1 s, or 4 debounce delays.</summary>
    public int MaxWaitMs => Math.Max(1000, 4 * state.Settings.DebounceMs);

    /// <summary>Schedules a publication after the debounce delay (none when <paramref name="immediate"/>).</summary>
    public void Schedule(string uri, bool immediate = false)
    {
        var cancellation = new CancellationTokenSource();
        if (_pending.TryGetValue(uri, out var previous) && !_due.ContainsKey(previous))
        {
            previous.Cancel();
        }

        _pending[uri] = cancellation;
        var now = Environment.TickCount64;
        var waitingSince = _waitingSince.GetOrAdd(uri, now);
        var left = (int)Math.Max(0, waitingSince + MaxWaitMs - now);
        var delay = immediate ? 0 : Math.Min(state.Settings.DebounceMs, left);
        if (!immediate && delay == left)
        {
            _due[cancellation] = 0;
        }

        _ = Task.Run(() => PublishAfterAsync(uri, delay, cancellation), CancellationToken.None);
    }

    /// <summary>Republishes every open document, after a settings change.</summary>
    public void ScheduleAll()
    {
        foreach (var uri in documents.Uris)
        {
            Schedule(uri, immediate: true);
        }
    }

    /// <summary>Clears a closed document's diagnostics.</summary>
    public Task ClearAsync(string uri)
    {
        if (_pending.TryRemove(uri, out var pending))
        {
            pending.Cancel();
        }

        _waitingSince.TryRemove(uri, out _);

        return client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, null, []), LspJsonContext.Wire.PublishDiagnosticsParams);
    }

    private async Task PublishAfterAsync(string uri, int delayMs, CancellationTokenSource cancellation)
    {
        var token = cancellation.Token;
        try
        {
            if (delayMs > 0)
            {
                await Task.Delay(delayMs, token).ConfigureAwait(false);
            }

            if (documents.Get(uri) is not { } snapshot)
            {
                return;
            }

            // From here the run publishes the current text, so the next change starts a new wait.
            _waitingSince.TryRemove(uri, out _);

            var result = analysis.Analyse(snapshot, token);
            token.ThrowIfCancellationRequested();
            var diagnostics = LspConversions.ToDiagnostics(result.Findings, snapshot.Lines, snapshot.Uri, result.Settings.MaxDiagnosticsPerDocument);
            await client.NotifyAsync(
                "textDocument/publishDiagnostics",
                new PublishDiagnosticsParams(uri, snapshot.Version, diagnostics),
                LspJsonContext.Wire.PublishDiagnosticsParams).ConfigureAwait(false);
            logger.LogDebug("Diagnostics publiés : version {Version}, {Count} constat(s).", snapshot.Version, diagnostics.Count);
        }
        catch (OperationCanceledException)
        {
            // A newer change or a close superseded this run.
        }
#pragma warning disable CA1031 // A failure on one document must be logged and must not end the server.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError("Échec de l'analyse d'un document ({Error}).", e.GetType().Name);
        }
        finally
        {
            // Not disposed: a later Schedule may still cancel it, and a source without a timer holds nothing.
            _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(uri, cancellation));
            _due.TryRemove(cancellation, out _);
        }
    }
}
