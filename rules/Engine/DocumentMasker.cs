using System.Text;
using System.Text.RegularExpressions;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// Hides what is not prose before the rules run: URLs always; in markdown also code blocks, code spans and HTML
/// comments (where suppression directives live). Hidden characters become spaces, line breaks stay, so every
/// offset in the visible text is the same as in the document.
/// </summary>
public static partial class DocumentMasker
{
    /// <summary>The document with its non-prose parts blanked, and the spans that were blanked.</summary>
    public static (string Visible, IReadOnlyList<TextSpan> Hidden) Mask(string text, DocumentFormat format)
    {
        var (visible, hidden, _) = MaskDocument(text, format);
        return (visible, hidden);
    }

    /// <summary>
    /// Masks the whole document, and also returns the hidden spans that may cross a line break: markdown code fences
    /// and HTML comments. Every other masked construct (inline code, link targets, URLs, suppression lines) lies
    /// within one line, which is what lets <see cref="MaskLines"/> re-mask only the lines an edit touched.
    /// </summary>
    internal static (string Visible, List<TextSpan> Hidden, TextSpan[] MultiLine) MaskDocument(string text, DocumentFormat format)
    {
        var hidden = new List<TextSpan>();
        var multiLine = Array.Empty<TextSpan>();
        if (format == DocumentFormat.Markdown)
        {
            AddFencedBlocks(text, hidden);
            AddHtmlComments(text, hidden);
            if (hidden.Count > 0)
            {
                multiLine = [.. hidden];
                Array.Sort(multiLine, (a, b) => a.Start.CompareTo(b.Start));
            }

            AddMatches(InlineCode(), text, hidden);
            AddLinkTargets(text, hidden);
        }

        // Every URL holds "://" or starts with "www.": a text with neither is spared the scan.
        if (text.Contains("://", StringComparison.Ordinal) || ContainsWww(text))
        {
            AddMatches(Url(), text, hidden);
        }

        AddMatches(SuppressionLine(), text, hidden);
        if (hidden.Count == 0)
        {
            return (text, hidden, multiLine);
        }

        var builder = new StringBuilder(text);
        foreach (var span in hidden)
        {
            for (var i = span.Start; i < span.End; i++)
            {
                if (builder[i] is not ('\n' or '\r'))
                {
                    builder[i] = ' ';
                }
            }
        }

        hidden.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (builder.ToString(), hidden, multiLine);
    }

    /// <summary>
    /// The lines <c>[start, end)</c> of <paramref name="text"/> with their one-line constructs masked, as
    /// <see cref="MaskDocument"/> would mask them when no fence or comment covers them. <paramref name="start"/> must
    /// be the start of a line and <paramref name="end"/> the start of a line or the end of the text: no one-line
    /// construct crosses a line break, so the lines can be masked apart from the rest of the document.
    /// </summary>
    internal static string MaskLines(string text, int start, int end, DocumentFormat format)
    {
        var lines = text.AsSpan(start, end - start);
        var hidden = new List<TextSpan>();
        if (format == DocumentFormat.Markdown)
        {
            AddMatches(InlineCode(), lines, hidden);
            AddLinkTargets(lines, hidden);
        }

        AddMatches(Url(), lines, hidden);
        AddMatches(SuppressionLine(), lines, hidden);
        if (hidden.Count == 0)
        {
            return lines.ToString();
        }

        var masked = lines.ToArray();
        foreach (var span in hidden)
        {
            BlankOut(masked.AsSpan(span.Start, span.Length));
        }

        return new string(masked);
    }

    /// <summary>The lines <c>[start, end)</c> of <paramref name="text"/> entirely hidden, line breaks kept.</summary>
    internal static string BlankLines(string text, int start, int end)
    {
        var masked = text.AsSpan(start, end - start).ToArray();
        BlankOut(masked);
        return new string(masked);
    }

    private static void BlankOut(Span<char> characters)
    {
        foreach (ref var c in characters)
        {
            if (c is not ('\n' or '\r'))
            {
                c = ' ';
            }
        }
    }

    // True when "www." occurs in any case. A case-insensitive IndexOf is slow under invariant globalization, so this
    // looks at the few dots of the text instead.
    private static bool ContainsWww(string text)
    {
        if (text.Length < 4)
        {
            return false;
        }

        for (var dot = text.IndexOf('.', 3); dot >= 0; dot = text.IndexOf('.', dot + 1))
        {
            if ((text[dot - 1] | 0x20) == 'w' && (text[dot - 2] | 0x20) == 'w' && (text[dot - 3] | 0x20) == 'w')
            {
                return true;
            }
        }

        return false;
    }

    private static void AddMatches(Regex regex, ReadOnlySpan<char> text, List<TextSpan> hidden)
    {
        foreach (var m in regex.EnumerateMatches(text))
        {
            hidden.Add(new TextSpan(m.Index, m.Length));
        }
    }

    /// <summary>
    /// HTML comments: each "&lt;!--" to the first "--&gt;" after it, the matches of <c>&lt;!--[\s\S]*?--&gt;</c>. The
    /// regular expression took quadratic time on a text of many unclosed "&lt;!--" (each re-scanned to the end); here
    /// a comment that finds no end means no later one can, and the scan stops.
    /// </summary>
    internal static void AddHtmlComments(ReadOnlySpan<char> text, List<TextSpan> hidden)
    {
        var from = 0;
        while (true)
        {
            var open = text[from..].IndexOf("<!--", StringComparison.Ordinal);
            if (open < 0)
            {
                return;
            }

            open += from;
            var close = text[(open + 4)..].IndexOf("-->", StringComparison.Ordinal);
            if (close < 0)
            {
                return;
            }

            var end = open + 4 + close + 3;
            hidden.Add(TextSpan.FromBounds(open, end));
            from = end;
        }
    }

    /// <summary>
    /// Markdown link targets, the matches of <c>\]\([^)\s]+\)</c>. The regular expression took quadratic time on
    /// 200 KB of "](": every start re-scanned to the next space. A scan that stops at a space or at the end tells that
    /// every start before that point stops there too, so the search resumes from it.
    /// </summary>
    internal static void AddLinkTargets(ReadOnlySpan<char> text, List<TextSpan> hidden)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf("](", StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            at += from;
            var end = at + 2;
            while (end < text.Length && text[end] != ')' && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            if (end < text.Length && text[end] == ')')
            {
                if (end > at + 2)
                {
                    hidden.Add(TextSpan.FromBounds(at, end + 1));
                    from = end + 1;
                }
                else
                {
                    from = at + 1;
                }
            }
            else
            {
                from = Math.Max(at + 1, end);
            }
        }
    }

    private static void AddFencedBlocks(string text, List<TextSpan> hidden)
    {
        var index = 0;
        int? open = null;
        string fence = "";
        while (index < text.Length)
        {
            var lineEnd = text.IndexOf('\n', index);
            var end = lineEnd < 0 ? text.Length : lineEnd + 1;
            var line = text.AsSpan(index, end - index).TrimStart(' ');
            if (open is null && (line.StartsWith("```") || line.StartsWith("~~~")))
            {
                open = index;
                fence = line[..3].ToString();
            }
            else if (open is not null && line.StartsWith(fence))
            {
                hidden.Add(TextSpan.FromBounds(open.Value, end));
                open = null;
            }

            index = end;
        }

        if (open is not null)
        {
            hidden.Add(TextSpan.FromBounds(open.Value, text.Length));
        }
    }

    [GeneratedRegex(@"`[^`\n]+`")]
    private static partial Regex InlineCode();


    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""«»]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?m)^[ \t]*//[ \t]*notelsp-(?:disable|enable)[^\n]*")]
    private static partial Regex SuppressionLine();
}
