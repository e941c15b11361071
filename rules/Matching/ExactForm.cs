namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>
/// Compares a term as written in a pack with the text it matched once folded, for the terms whose capitals or accents
/// carry the meaning: the union "FO" is not the "fo" of XSL-FO, the people "Rom" not a CD-ROM, "mémé" not "même",
/// "Aïd" not the English "aid". Folding made both sides equal; this puts back the one difference that counts.
/// </summary>
public static class ExactForm
{
    /// <summary>
    /// True when <paramref name="text"/> has the capitals of <paramref name="written"/> (with <paramref name="exactCase"/>;
    /// a word's first letter may be a capital in the text where the term has none) and its accents (with
    /// <paramref name="exactAccents"/>), word by word; separators (spaces, hyphens, apostrophes) are not compared.
    /// </summary>
    public static bool Matches(string written, string text, bool exactCase, bool exactAccents)
    {
        var w = 0;
        var t = 0;
        while (true)
        {
            w = SkipSeparators(written, w);
            t = SkipSeparators(text, t);
            if (w >= written.Length || t >= text.Length)
            {
                // The fold matched already; a different count of words (which only odd separators can cause) is not
                // a reason to reject it.
                return true;
            }

            var wEnd = WordEnd(written, w);
            var tEnd = WordEnd(text, t);
            if (!WordMatches(written.AsSpan(w, wEnd - w), text.AsSpan(t, tEnd - t), exactCase, exactAccents))
            {
                return false;
            }

            w = wEnd;
            t = tEnd;
        }
    }

    private static bool WordMatches(ReadOnlySpan<char> written, ReadOnlySpan<char> text, bool exactCase, bool exactAccents)
    {
        if (written.Length != text.Length)
        {
            // A ligature folds to two letters ("œ" to "oe"): compare what can still be compared.
            var caseAgrees = !exactCase || char.IsUpper(written[0]) == char.IsUpper(text[0]) || char.IsUpper(text[0]);
            var accentsAgree = !exactAccents || Lower(written).Equals(Lower(text), StringComparison.Ordinal);
            return caseAgrees && accentsAgree;
        }

        for (var i = 0; i < written.Length; i++)
        {
            var a = written[i];
            var b = text[i];

            // A capital may open a word written in lower case (a sentence starts "Au RN", "Roms et Manouches"), but
            // no other letter may change its case: "rom" is not "ROM", "FO" is not "fo".
            if (exactCase && char.IsUpper(a) != char.IsUpper(b) && !(i == 0 && char.IsUpper(b)))
            {
                return false;
            }

            if (exactAccents && char.ToLowerInvariant(a) != char.ToLowerInvariant(b))
            {
                return false;
            }
        }

        return true;
    }

    private static string Lower(ReadOnlySpan<char> word) => word.ToString().ToLowerInvariant();

    private static int SkipSeparators(string s, int i)
    {
        while (i < s.Length && !char.IsLetterOrDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    private static int WordEnd(string s, int i)
    {
        while (i < s.Length && char.IsLetterOrDigit(s[i]))
        {
            i++;
        }

        return i;
    }
}
