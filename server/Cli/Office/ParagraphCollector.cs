using System.Text;

namespace Cnaemo.NoteLsp.Server.Cli.Office;

/// <summary>
/// Gathers paragraphs while an XML reader walks a document. Paragraphs can nest (a footnote, a comment or a text box
/// is written inside the paragraph that anchors it), so each paragraph takes its place in the output when it opens and
/// receives its text when it closes: the order is the reading order of the openings, and no text is mixed.
/// </summary>
internal sealed class ParagraphCollector
{
    // A million paragraphs is some 3,000 pages; a crafted file of empty paragraphs once took 6 GB. A paragraph's
    // text is only allocated when it receives some, so an empty paragraph costs one list entry.
    private const int MaxParagraphs = 1_000_000;

    private readonly List<(string Part, StringBuilder? Text)> _paragraphs = [];
    private readonly Stack<int> _open = new();

    /// <summary>Whether text can be added: at least one paragraph is open.</summary>
    public bool InParagraph => _open.Count > 0;

    /// <summary>Starts a paragraph of <paramref name="part"/>.</summary>
    public void Open(string part)
    {
        if (_paragraphs.Count >= MaxParagraphs)
        {
            throw new OfficeDocumentException($"le document contient plus de {MaxParagraphs} paragraphes : il n'est pas lu (document anormal)");
        }

        _paragraphs.Add((part, null));
        _open.Push(_paragraphs.Count - 1);
    }

    /// <summary>Ends the innermost open paragraph.</summary>
    public void Close()
    {
        if (_open.Count > 0)
        {
            _open.Pop();
        }
    }

    /// <summary>Adds text to the innermost open paragraph; text outside any paragraph is not document prose.</summary>
    public void Append(string text)
    {
        if (_open.Count > 0)
        {
            Current().Append(text);
        }
    }

    /// <summary>Adds one character to the innermost open paragraph.</summary>
    public void Append(char character)
    {
        if (_open.Count > 0)
        {
            Current().Append(character);
        }
    }

    private StringBuilder Current()
    {
        var index = _open.Peek();
        var (part, text) = _paragraphs[index];
        if (text is null)
        {
            text = new StringBuilder();
            _paragraphs[index] = (part, text);
        }

        return text;
    }

    /// <summary>The paragraphs, each followed by a blank line, with their starting offsets.</summary>
    public ExtractedText Build()
    {
        _open.Clear();
        var text = new StringBuilder();
        var paragraphs = new List<ExtractedParagraph>(_paragraphs.Count);
        foreach (var (part, paragraph) in _paragraphs)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            paragraphs.Add(new ExtractedParagraph(text.Length, part));
            text.Append(paragraph);
        }

        return new ExtractedText(text.ToString(), paragraphs);
    }
}
