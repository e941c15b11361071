using System.Buffers;
using System.Text;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>
/// A text folded for matching: lower case, no diacritics, one kind of apostrophe, ligatures spelled out,
/// and every non-breaking space made plain. Each folded code unit remembers the original code units it came from,
/// so that a match in the folded text maps back to an exact UTF-16 span of what the user typed.
/// </summary>
public sealed class FoldedText
{
    // Characters that fold to two code units; with surrogate pairs, the only ones that break the one-to-one map.
    private static readonly SearchValues<char> Expanding = SearchValues.Create("\u0153\u0152\u00E6\u00C6");

    // Null when every folded code unit comes from the original code unit at the same index, as in most paragraphs:
    // the map is then the identity and costs no memory.
    private readonly int[]? _originStart;
    private readonly int[]? _originEnd;

    private FoldedText(string original, string folded, int[]? originStart, int[]? originEnd)
    {
        Original = original;
        Value = folded;
        _originStart = originStart;
        _originEnd = originEnd;
    }

    /// <summary>True when every folded code unit comes from the original code unit at the same index.</summary>
    public bool KeepsOffsets => _originStart is null;

    /// <summary>The text as typed.</summary>
    public string Original { get; }

    /// <summary>The folded text.</summary>
    public string Value { get; }

    /// <summary>Folds <paramref name="original"/>.</summary>
    public static FoldedText Create(string original)
    {
        var span = original.AsSpan();
        if (span.IndexOfAny(Expanding) >= 0 || span.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            return CreateWithMap(original);
        }

        var folded = string.Create(original.Length, original, static (destination, source) =>
        {
            // Runs of ASCII, most of a French text, are lowered many characters at a time; FoldSingle lowers ASCII
            // the same way (A-Z to a-z, nothing else changed) and folds the other characters one by one.
            var i = 0;
            while (i < destination.Length)
            {
                var run = source.AsSpan(i).IndexOfAnyExceptInRange('\0', '\u007F');
                var end = run < 0 ? destination.Length : i + run;
                System.Text.Ascii.ToLower(source.AsSpan(i, end - i), destination[i..end], out _);
                if (end < destination.Length)
                {
                    destination[end] = FoldSingle(source[end]);
                }

                i = end + 1;
            }
        });
        return new FoldedText(original, folded, null, null);
    }

    /// <summary>
    /// Folds <paramref name="original"/> with an explicit map from every folded code unit to its origin. Create uses it
    /// when a character expands or a surrogate pair occurs; tests use it to check that the identity map agrees.
    /// </summary>
    internal static FoldedText CreateWithMap(string original)
    {
        var builder = new StringBuilder(original.Length + 8);
        var starts = new List<int>(original.Length + 8);
        var ends = new List<int>(original.Length + 8);
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]))
            {
                Append(builder, starts, ends, c, i, i + 2);
                Append(builder, starts, ends, original[i + 1], i, i + 2);
                i++;
                continue;
            }

            switch (c)
            {
                case '\u0153' or '\u0152':
                    Append(builder, starts, ends, 'o', i, i + 1);
                    Append(builder, starts, ends, 'e', i, i + 1);
                    break;
                case '\u00E6' or '\u00C6':
                    Append(builder, starts, ends, 'a', i, i + 1);
                    Append(builder, starts, ends, 'e', i, i + 1);
                    break;
                default:
                    Append(builder, starts, ends, FoldSingle(c), i, i + 1);
                    break;
            }
        }

        return new FoldedText(original, builder.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>Folds a short string the same way, for building lexicons.</summary>
    public static string Fold(string text) => Create(text).Value;

    /// <summary>Maps a span of the folded text back to the original text.</summary>
    public Model.TextSpan ToOriginal(int foldedStart, int foldedEnd)
    {
        if (_originStart is null || _originEnd is null)
        {
            return foldedEnd <= foldedStart
                ? new Model.TextSpan(foldedStart < Value.Length ? foldedStart : Original.Length, 0)
                : Model.TextSpan.FromBounds(foldedStart, foldedEnd);
        }

        if (foldedEnd <= foldedStart)
        {
            var at = foldedStart < _originStart.Length ? _originStart[foldedStart] : Original.Length;
            return new Model.TextSpan(at, 0);
        }

        return Model.TextSpan.FromBounds(_originStart[foldedStart], _originEnd[foldedEnd - 1]);
    }

    /// <summary>The folded index of the first folded code unit produced at or after original index <paramref name="originalIndex"/>.</summary>
    public int ToFolded(int originalIndex)
    {
        if (_originStart is null)
        {
            return Math.Clamp(originalIndex, 0, Value.Length);
        }

        var index = Array.BinarySearch(_originStart, originalIndex);
        if (index < 0)
        {
            return ~index;
        }

        // Several folded units can come from one original unit (œ gives "oe"): return the first.
        while (index > 0 && _originStart[index - 1] == originalIndex)
        {
            index--;
        }

        return index;
    }

    private static void Append(StringBuilder builder, List<int> starts, List<int> ends, char c, int start, int end)
    {
        builder.Append(c);
        starts.Add(start);
        ends.Add(end);
    }

    // The fold of every character but the expanding ligatures (œ, æ) and surrogate pairs, which CreateWithMap handles.
    private static char FoldSingle(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        return c switch
        {
            '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '\u2032' => '\'',
            '\u00A0' or '\u202F' or '\u2009' or '\u2007' => ' ',
            '\u2010' or '\u2011' => '-',
            >= (char)LatinTableStart and < (char)(LatinTableStart + LatinTableLength) => LatinTable[c - LatinTableStart],
            _ => char.ToLowerInvariant(c),
        };
    }

    // Lower case without diacritics for U+00C0..U+024F, generated from Unicode's canonical decompositions.
    // A table is used because the server runs with invariant globalization, where string normalisation is absent.
    private const int LatinTableStart = 0xC0;
    private const string LatinTable = "aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00D7\u00F8uuuuy\u00FE\u00DFaaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7\u00F8uuuuy\u00FEyaaaaaaccccccccdd\u0111\u0111eeeeeeeeeegggggggghh\u0127\u0127iiiiiiiiI\u0131\u0133\u0133jjkk\u0138llllll\u0140\u0140\u0142\u0142nnnnnn\u0149\u014B\u014Boooooo\u0153\u0153rrrrrrsssssssstttt\u0167\u0167uuuuuuuuuuuuwwyyyzzzzzz\u017F\u0180\u0253\u0183\u0183\u0185\u0185\u0254\u0188\u0188\u0256\u0257\u018C\u018C\u018D\u01DD\u0259\u025B\u0192\u0192\u0260\u0263\u0195\u0269\u0268\u0199\u0199\u019A\u019B\u026F\u0272\u019E\u0275oo\u01A3\u01A3\u01A5\u01A5\u0280\u01A8\u01A8\u0283\u01AA\u01AB\u01AD\u01AD\u0288uu\u028A\u028B\u01B4\u01B4\u01B6\u01B6\u0292\u01B9\u01B9\u01BA\u01BB\u01BD\u01BD\u01BE\u01BF\u01C0\u01C1\u01C2\u01C3\u01C6\u01C6\u01C6\u01C9\u01C9\u01C9\u01CC\u01CC\u01CCaaiioouuuuuuuuuu\u01DDaaaa\u01E3\u01E3\u01E5\u01E5ggkkoooo\u01EF\u01EFj\u01F3\u01F3\u01F3gg\u0195\u01BFnnaa\u01FD\u01FD\u01FF\u01FFaaaaeeeeiiiioooorrrruuuusstt\u021D\u021Dhh\u019E\u0221\u0223\u0223\u0225\u0225aaeeooooooooyy\u0234\u0235\u0236\u0237\u0238\u0239\u2C65\u023C\u023C\u019A\u2C66\u023F\u0240\u0242\u0242\u0180\u0289\u028C\u0247\u0247\u0249\u0249\u024B\u024B\u024D\u024D\u024F\u024F";

    private const int LatinTableLength = 0x250 - LatinTableStart;
}
