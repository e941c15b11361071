using System.Runtime.CompilerServices;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>Splits folded text into tokens with word boundaries that know French letters and elision.</summary>
public static class Tokenizer
{
    // Words that French elides before a vowel. "aujourd'hui" is not among them, so it gives "aujourd" and "hui".
    private static readonly HashSet<string> ElisionHeads = new(StringComparer.Ordinal)
    {
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ElisionLookup =
        ElisionHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Tokenizes a folded text. White space produces no token.</summary>
    public static List<Token> Tokenize(string folded)
    {
        // French prose gives about one token (words, elided articles, punctuation) per three characters: room for a
        // little more spares the list its doubling, which copied every token once and left the first array to collect.
        var tokens = new List<Token>((folded.Length * 2 / 5) + 4);
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (IsWordChar(c))
            {
                var start = i;
                var hasLetter = false;
                while (i < folded.Length)
                {
                    var w = folded[i];
                    if (w < 0x80)
                    {
                        // ASCII, most of the text: a letter, a digit, or the end of the word (no joiner is ASCII).
                        if (char.IsAsciiLetter(w))
                        {
                            hasLetter = true;
                        }
                        else if (!char.IsAsciiDigit(w))
                        {
                            break;
                        }
                    }
                    else if (IsWordChar(w) || IsInnerJoiner(folded, i))
                    {
                        hasLetter |= char.IsLetter(w);
                    }
                    else
                    {
                        break;
                    }

                    i++;
                }

                if (i < folded.Length && folded[i] == '\'' && ElisionLookup.Contains(folded.AsSpan(start, i - start)))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, hasLetter ? TokenKind.Word : TokenKind.Number));
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < folded.Length)
            {
                tokens.Add(new Token(i, i + 2, TokenKind.Punctuation));
                i += 2;
            }
            else
            {
                tokens.Add(new Token(i, i + 1, TokenKind.Punctuation));
                i++;
            }
        }

        return tokens;
    }

    /// <summary>True for letters, digits and combining marks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) =>
        c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || c is '\u0300' or '\u0301';

    // The middle dot of inclusive writing ("éducateur·rice") keeps the word whole.
    private static bool IsInnerJoiner(string text, int i) =>
        text[i] is '\u00B7' or '\u2027' or '\u22C5' && i + 1 < text.Length && char.IsLetter(text[i + 1]);
}
