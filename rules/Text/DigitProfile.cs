using System.Buffers;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>
/// What the identifier rules' shortcuts need to know about the digits of a text, measured in one pass: the longest run
/// of consecutive digits (<see cref="char.IsDigit(char)"/>, what a regex's \d matches), whether a letter
/// (<see cref="char.IsLetter(char)"/>) stands right before a digit, and the number of ASCII digits.
/// </summary>
internal readonly record struct DigitProfile(int LongestRun, bool LetterBeforeDigit, int AsciiDigits)
{
    // Every ASCII character but the digits: a vectorised search for anything else stops only at digits and at
    // non-ASCII characters, so the plain ASCII text between them is skipped many characters at a time.
    private static readonly SearchValues<char> AsciiNonDigits = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 128).Where(c => c is < '0' or > '9').Select(c => (char)c)));

    /// <summary>Measures <paramref name="text"/>.</summary>
    public static DigitProfile Measure(ReadOnlySpan<char> text)
    {
        var longest = 0;
        var ascii = 0;
        var letterBefore = false;
        var i = 0;
        while (i < text.Length)
        {
            var skip = text[i..].IndexOfAnyExcept(AsciiNonDigits);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            if (!char.IsDigit(text[i]))
            {
                i++;
                continue;
            }

            // The start of a run: inside a run the character before a digit is a digit, never a letter.
            letterBefore |= i > 0 && char.IsLetter(text[i - 1]);
            var start = i;
            while (i < text.Length && char.IsDigit(text[i]))
            {
                ascii += char.IsAsciiDigit(text[i]) ? 1 : 0;
                i++;
            }

            longest = Math.Max(longest, i - start);
        }

        return new DigitProfile(longest, letterBefore, ascii);
    }
}
