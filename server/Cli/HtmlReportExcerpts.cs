using System.Text;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// The excerpts of the audit report, as HTML. A few words around the finding, on its line only, cut at a word. In
/// privacy mode every flagged passage of the document inside the excerpt is replaced by « ••• », not only the
/// finding's own: a name flagged next to a phone number must not show in the phone number's excerpt.
/// </summary>
public static class Excerpts
{
    /// <summary>The mark that stands for flagged words in privacy mode.</summary>
    public const string Mask = "« ••• »";

    // Characters of context kept on each side of the finding, before the cut back to a whole word.
    private const int Context = 40;

    // The flagged words shown with --show-excerpts are cut past this length.
    private const int MaxShown = 120;

    /// <summary>The spans of every finding and of every part of a grouped finding, sorted and merged where they overlap.</summary>
    public static List<TextSpan> Masks(IEnumerable<Finding> findings)
    {
        var spans = findings.SelectMany(f => f.Parts.Select(p => p.Span).Append(f.Span)).Where(s => s.Length > 0)
            .OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var merged = new List<TextSpan>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TextSpan(last.Start, Math.Max(last.End, span.End) - last.Start);
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    /// <summary>The excerpt of <paramref name="span"/> with every flagged passage replaced by the mask.</summary>
    public static string Masked(CheckedDocument document, TextSpan span, IReadOnlyList<TextSpan> masks)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(masks);
        if (document.Input.Text is not { } text)
        {
            return string.Empty;
        }

        var (from, to, cutBefore, cutAfter) = Window(text, span);
        var html = new StringBuilder();
        if (cutBefore)
        {
            html.Append('…');
        }

        var at = from;
        foreach (var mask in masks)
        {
            if (mask.End <= at || mask.Start >= to)
            {
                continue;
            }

            html.Append(Html.Escape(OneLine(text, at, Math.Max(at, mask.Start))));
            // The finding's own words are told apart from the other flagged passages around them.
            html.Append(mask.Start < span.End && span.Start < mask.End ? "<span class=\"mask own\">" : "<span class=\"mask\">").Append(Mask).Append("</span>");
            at = Math.Max(at, mask.End);
        }

        // The window ends at the end of the finding at least, so a mask never leaves flagged words after it.
        if (at < to)
        {
            html.Append(Html.Escape(OneLine(text, at, to)));
        }

        if (cutAfter)
        {
            html.Append('…');
        }

        return html.ToString().Trim();
    }

    /// <summary>The excerpt of <paramref name="span"/> with its words shown and marked (<c>--show-excerpts</c>).</summary>
    public static string Shown(CheckedDocument document, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Input.Text is not { } text)
        {
            return string.Empty;
        }

        var (from, to, cutBefore, cutAfter) = Window(text, span);
        var words = OneLine(text, span.Start, span.End);
        if (words.Length > MaxShown)
        {
            words = string.Concat(words.AsSpan(0, MaxShown - 1).TrimEnd(), "…");
        }

        return string.Concat(
            cutBefore ? "…" : string.Empty,
            Html.Escape(OneLine(text, from, span.Start)),
            "<mark>", Html.Escape(words), "</mark>",
            Html.Escape(OneLine(text, span.End, Math.Max(span.End, to))),
            cutAfter ? "…" : string.Empty).Trim();
    }

    // The part of the finding's line around it: a few words on each side, cut at a space, never past the line. A
    // finding that runs over several lines keeps its whole span, which is masked or marked anyway.
    private static (int From, int To, bool CutBefore, bool CutAfter) Window(string text, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;

        var from = Math.Max(lineStart, start - Context);
        var cutBefore = from > lineStart;
        if (cutBefore && text.IndexOf(' ', from, start - from) is var space and >= 0)
        {
            from = space + 1;
        }

        var to = Math.Min(lineEnd, end + Context);
        var cutAfter = to < lineEnd;
        if (cutAfter && to > end && text.LastIndexOf(' ', to - 1, to - end) is var back and >= 0)
        {
            to = back;
        }

        return (from, to, cutBefore, cutAfter);
    }

    private static string OneLine(string text, int from, int to) =>
        to <= from ? string.Empty : text[from..to].Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
}

/// <summary>HTML escaping for text and attribute values, which keeps accents as they are.</summary>
public static class Html
{
    /// <summary>The text with <c>&amp; &lt; &gt; " '</c> escaped, so that it can go in an element or a quoted attribute.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }

        return html.ToString();
    }
}
