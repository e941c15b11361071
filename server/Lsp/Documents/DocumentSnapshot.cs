using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Server.Lsp.Documents;

/// <summary>
/// One version of an open document. Snapshots are immutable: reads (hover, code actions, diagnostics) work on the
/// snapshot they took, while later changes build new ones.
/// </summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<LineIndex> _lines;

    /// <summary>Builds a snapshot.</summary>
    public DocumentSnapshot(string uri, string? languageId, int version, string text)
        : this(uri, languageId, version, text, null)
    {
    }

    private DocumentSnapshot(string uri, string? languageId, int version, string text, LineIndex? lines)
    {
        Uri = uri;
        LanguageId = languageId ?? "";
        Version = version;
        Text = text;
        _lines = lines is null ? new Lazy<LineIndex>(() => new LineIndex(text)) : new Lazy<LineIndex>(lines);
    }

    /// <summary>The document's URI, as the client sent it.</summary>
    public string Uri { get; }

    /// <summary>The client's language id, such as "markdown" or "plaintext".</summary>
    public string LanguageId { get; }

    /// <summary>The client's version number.</summary>
    public int Version { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>Line starts, for UTF-16 position conversions.</summary>
    public LineIndex Lines => _lines.Value;

    /// <summary>Markdown when the client says so or the file ends in .md/.markdown; plain text otherwise.</summary>
    public DocumentFormat Format =>
        LanguageId.Equals("markdown", StringComparison.OrdinalIgnoreCase)
        || Uri.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || Uri.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
            ? DocumentFormat.Markdown
            : DocumentFormat.PlainText;

    /// <summary>The same document at another version and text.</summary>
    public DocumentSnapshot With(int version, string text) => new(Uri, LanguageId, version, text);

    /// <summary>The same document at another version and text, whose line index is already known.</summary>
    public DocumentSnapshot With(int version, string text, LineIndex lines) => new(Uri, LanguageId, version, text, lines);
}
