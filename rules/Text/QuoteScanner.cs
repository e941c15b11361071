using System.Buffers;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>A quoted passage: the inner span, and the span with its quotation marks.</summary>
public readonly record struct QuotedRegion(TextSpan Inner, TextSpan Outer);

/// <summary>
/// Finds quoted passages in « », “ ” and straight double quotes. Quotes never run past a blank line,
/// so that an unbalanced mark cannot make the rest of a document look like quoted speech.
/// </summary>
public static class QuoteScanner
{
    private static readonly SearchValues<char> Openers = SearchValues.Create("\u00AB\u201C\"");

    /// <summary>Scans <paramref name="text"/> for quoted passages, in order.</summary>
    public static List<QuotedRegion> Scan(string text)
    {
        var regions = new List<QuotedRegion>();
        var i = 0;
        while (i < text.Length)
        {
            // Jump to the next opening mark; most text has none.
            i = text.AsSpan(i).IndexOfAny(Openers) is var next and >= 0 ? i + next : text.Length;
            if (i >= text.Length)
            {
                break;
            }

            var open = text[i];
            var close = open switch
            {
                '\u00AB' => '\u00BB',
                '\u201C' => '\u201D',
                '"' => '"',
                _ => '\0',
            };
            if (close == '\0')
            {
                i++;
                continue;
            }

            var end = FindClose(text, i + 1, close);
            if (end < 0)
            {
                i++;
                continue;
            }

            regions.Add(new QuotedRegion(TextSpan.FromBounds(i + 1, end), TextSpan.FromBounds(i, end + 1)));
            i = end + 1;
        }

        return regions;
    }

    private static int FindClose(string text, int from, char close)
    {
        for (var j = from; j < text.Length; j++)
        {
            var c = text[j];
            if (c == close)
            {
                return j;
            }

            if (c == '\n' && j + 1 < text.Length && (text[j + 1] == '\n' || text[j + 1] == '\r'))
            {
                return -1;
            }
        }

        return -1;
    }
}
