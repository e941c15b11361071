using System.Text;

namespace Cnaemo.NoteLsp.Server.Cli.Office;

/// <summary>
/// Gathers paragraphs while an XML reader walks a document. Paragraphs can nest (a footnote, a comment or a text box
/// is written inside the paragraph that anchors it), so each paragraph takes its place in the output when it opens and
/// receives its text when it closes: the order is the reading order of the openings, and no text is mixed.
/// </summary>
internal sealed class ParagraphCollector
{
    private readonly List<(string Part, StringBuilder Text)> _paragraphs = [];
    private readonly Stack<StringBuilder> _open = new();

    /// <summary>Whether text can be added: at least one paragraph is open.</summary>
    public bool InParagraph => _open.Count > 0;

    /// <summary>Starts a paragraph of <paramref name="part"/>.</summary>
    public void Open(string part)
    {
        var text = new StringBuilder();
        _paragraphs.Add((part, text));
        _open.Push(text);
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
            _open.Peek().Append(text);
        }
    }

    /// <summary>Adds one character to the innermost open paragraph.</summary>
    public void Append(char character)
    {
        if (_open.Count > 0)
        {
            _open.Peek().Append(character);
        }
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
