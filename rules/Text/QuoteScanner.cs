using System.Buffers;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>A quoted passage: the inner span, and the span with its quotation marks.</summary>
public readonly record struct QuotedRegion(TextSpan Inner, TextSpan Outer);

/// <summary>
/// Finds quoted passages in « », “ ” and straight double quotes, and in single quotes where they cannot be
/// apostrophes: ‘ ’, or a straight quote that opens reported speech after a colon ("a crié : 'Espèce de…'"). A single
/// quote closes only where an apostrophe cannot stand: after a word, before a space, a punctuation mark or the end.
/// Quotes never run past a blank line, so that an unbalanced mark cannot make the rest of a document look like quoted
/// speech.
/// </summary>
public static class QuoteScanner
{
    private static readonly SearchValues<char> Openers = SearchValues.Create("\u00AB\u201C\"'\u2018");

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
                '\u2018' when !PrecededByALetter(text, i) => '\u2019',
                '\'' when OpensReportedSpeech(text, i) => '\'',
                _ => '\0',
            };
            if (close == '\0')
            {
                i++;
                continue;
            }

            var end = close is '\'' or '\u2019' ? FindSingleClose(text, i + 1) : FindClose(text, i + 1, close);
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

    // A straight quote opens quoted speech only after a colon ("a dit : 'Je…'"), and before a word: elsewhere it is
    // an apostrophe ("l'enfant") or a typing slip.
    private static bool OpensReportedSpeech(string text, int at)
    {
        if (at + 1 >= text.Length || !char.IsLetterOrDigit(text[at + 1]))
        {
            return false;
        }

        var before = at - 1;
        while (before >= 0 && text[before] is ' ' or '\u00A0' or '\u202F' or '\t')
        {
            before--;
        }

        return before >= 0 && text[before] == ':';
    }

    private static bool PrecededByALetter(string text, int at) => at > 0 && char.IsLetter(text[at - 1]);

    // The first ’ or ' that ends a word without starting another: "l'enfant" goes on, "con !'" ends.
    private static int FindSingleClose(string text, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            var c = text[j];
            if (c is '\'' or '\u2019' && j > from && !char.IsWhiteSpace(text[j - 1]) && (j + 1 >= text.Length || !char.IsLetterOrDigit(text[j + 1])))
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
