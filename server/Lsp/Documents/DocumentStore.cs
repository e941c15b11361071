using System.Collections.Concurrent;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;

namespace Cnaemo.NoteLsp.Server.Lsp.Documents;

/// <summary>Why a change was not applied; the document then stays as it was.</summary>
public enum ChangeRejection
{
    /// <summary>Applied.</summary>
    None,

    /// <summary>The document is not open.</summary>
    UnknownDocument,

    /// <summary>The change's version is not newer than the document's.</summary>
    StaleVersion,

    /// <summary>A change's range lies outside the text.</summary>
    RangeOutOfText,
}

/// <summary>
/// The open documents. Changes are applied one batch at a time, in the order they arrive, each batch building a new
/// immutable snapshot; readers take the current snapshot and never see a half-applied batch.
/// </summary>
public sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, DocumentSnapshot> _documents = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();

    /// <summary>The open documents' URIs.</summary>
    public IEnumerable<string> Uris => _documents.Keys;

    /// <summary>Opens (or reopens) a document.</summary>
    public DocumentSnapshot Open(string uri, string? languageId, int version, string text)
    {
        var snapshot = new DocumentSnapshot(uri, languageId, version, text);
        lock (_writeLock)
        {
            _documents[uri] = snapshot;
        }

        return snapshot;
    }

    /// <summary>Closes a document; returns false if it was not open.</summary>
    public bool Close(string uri)
    {
        lock (_writeLock)
        {
            return _documents.TryRemove(uri, out _);
        }
    }

    /// <summary>The current snapshot, or null.</summary>
    public DocumentSnapshot? Get(string uri) => _documents.GetValueOrDefault(uri);

    /// <summary>
    /// Applies a batch of changes in order. The whole batch is rejected, and the document left untouched, when its
    /// version is not newer or when any range names a line outside the text it applies to; a column past a line's end
    /// is clamped to it (LSP 3.17).
    /// </summary>
    public (DocumentSnapshot? Snapshot, ChangeRejection Rejection) Change(string uri, int? version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_writeLock)
        {
            if (!_documents.TryGetValue(uri, out var current))
            {
                return (null, ChangeRejection.UnknownDocument);
            }

            var newVersion = version ?? current.Version + 1;
            if (newVersion <= current.Version)
            {
                return (current, ChangeRejection.StaleVersion);
            }

            // The current snapshot's line index is usually built already (diagnostics needed it), and each edit
            // updates it around the edited lines, so a keystroke does not rescan a long document.
            if (Apply(current.Text, current.Lines, changes) is not var (text, lines))
            {
                return (current, ChangeRejection.RangeOutOfText);
            }

            var next = current.With(newVersion, text, lines);
            _documents[uri] = next;
            return (next, ChangeRejection.None);
        }
    }

    /// <summary>Applies changes to a text, in order; null when a range is outside the text it applies to.</summary>
    public static string? ApplyAll(string text, IReadOnlyList<TextDocumentContentChangeEvent> changes) =>
        Apply(text, null, changes)?.Text;

    /// <summary>
    /// Applies changes to a text and its line index (built when null), in order; null when a range is outside the
    /// text it applies to.
    /// </summary>
    public static (string Text, LineIndex Lines)? Apply(string text, LineIndex? lines, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = change.Text ?? "";
                lines = null;
                continue;
            }

            lines ??= new LineIndex(text);
            if (LspConversions.ToSpan(change.Range, text, lines, clampColumns: true) is not { } span)
            {
                return null;
            }

            var inserted = change.Text ?? "";
            text = string.Concat(text.AsSpan(0, span.Start), inserted, text.AsSpan(span.End));
            lines = lines.WithEdit(span, inserted.Length, text);
        }

        return (text, lines ?? new LineIndex(text));
    }
}
