using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>A document after checking: its input, its findings and the index to locate them.</summary>
public sealed record CheckedDocument(InputDocument Input, IReadOnlyList<Finding> Findings, LineIndex Lines)
{
    private const int MaxPassageLength = 80;

    /// <summary>
    /// The 1-based location of a finding. In a text file it is a line and a column. A word-processor file has no
    /// stable lines (they depend on the page width), so there the "line" is the paragraph's number, counted from the
    /// start of the body (headers, footers, notes and comments come after it), and the column counts from the
    /// paragraph's start.
    /// </summary>
    public FindingLocation Locate(Finding finding)
    {
        if (Input.Office is not { } office)
        {
            return FindingLocation.Of(finding.Span, Lines);
        }

        var first = office.ParagraphAt(finding.Span.Start);
        var last = office.ParagraphAt(finding.Span.End);
        return new FindingLocation(
            first + 1, finding.Span.Start - office.Paragraphs[first].Start + 1,
            last + 1, finding.Span.End - office.Paragraphs[last].Start + 1);
    }

    /// <summary>The words of <paramref name="span"/> on one line, cut after a few dozen characters.</summary>
    public string Words(TextSpan span)
    {
        var words = Input.Text is { } text ? text.Substring(span.Start, span.Length).ReplaceLineEndings(" ").Replace('\t', ' ').Trim() : string.Empty;
        return words.Length > MaxPassageLength ? string.Concat(words.AsSpan(0, MaxPassageLength - 1).TrimEnd(), "…") : words;
    }

    /// <summary>
    /// For a word-processor file, the flagged words and the part that holds them, so that the user can find them with
    /// the word processor's search; null for a text file, whose line and column an editor can go to.
    /// </summary>
    public string? Passage(Finding finding)
    {
        if (Input.Office is not { } office || Input.Text is not { } text)
        {
            return null;
        }

        var words = text.AsSpan(finding.Span.Start, finding.Span.Length).ToString().Replace('\n', ' ').Replace('\t', ' ').Trim();
        if (words.Length > MaxPassageLength)
        {
            words = string.Concat(words.AsSpan(0, MaxPassageLength - 1).TrimEnd(), "…");
        }

        var paragraph = office.ParagraphAt(finding.Span.Start);
        return $"{office.Paragraphs[paragraph].Part}, paragraphe {paragraph + 1} : « {words} »";
    }
}
