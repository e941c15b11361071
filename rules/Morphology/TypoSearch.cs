namespace Cnaemo.NoteLsp.Rules.Morphology;

/// <summary>
/// Undoes one slip of fast typing: a letter typed twice ("agresssive"), a doubled consonant typed once
/// ("agresive"), two neighbouring letters swapped ("agressvie"), or one letter too many in a longer word. Each
/// candidate is looked up with accents restored. The result counts only when exactly one form of the lexicon fits,
/// because a slip with two possible readings says nothing reliable about the word. The candidates are at most a
/// few per letter, so the cost stays linear in the word times its length (words are at most 40 letters).
/// </summary>
internal static class TypoSearch
{
    private const int MinLength = 4;
    private const int MinLengthForAnyDeletion = 6;

    public static void Find(TolerantSearch tolerant, ReadOnlySpan<char> lower, bool accents, List<WordAnalysis> into)
    {
        _ = accents; // Candidates are always read with accents restored: a slip and a missing accent often come together.
        if (lower.Length < MinLength || lower.Length > TolerantSearch.MaxLength)
        {
            return;
        }

        var found = new List<WordAnalysis>();
        var forms = new HashSet<string>(StringComparer.Ordinal);
        Span<char> candidate = stackalloc char[lower.Length + 1];
        for (var i = 0; i < lower.Length && forms.Count <= 1; i++)
        {
            // One letter too many: only a repeated letter in short words, any letter in longer ones.
            if ((i > 0 && lower[i] == lower[i - 1]) || lower.Length >= MinLengthForAnyDeletion)
            {
                lower[..i].CopyTo(candidate);
                lower[(i + 1)..].CopyTo(candidate[i..]);
                tolerant.Find(candidate[..(lower.Length - 1)], MatchKind.Typo, found, forms);
            }

            // A consonant typed once where French doubles it.
            if (IsDoublingConsonant(lower[i]) && (i + 1 >= lower.Length || lower[i + 1] != lower[i]) && (i == 0 || lower[i - 1] != lower[i]))
            {
                lower[..(i + 1)].CopyTo(candidate);
                lower[i..].CopyTo(candidate[(i + 1)..]);
                tolerant.Find(candidate[..(lower.Length + 1)], MatchKind.Typo, found, forms);
            }

            // Two neighbouring letters swapped.
            if (i + 1 < lower.Length && lower[i] != lower[i + 1])
            {
                lower.CopyTo(candidate);
                (candidate[i], candidate[i + 1]) = (candidate[i + 1], candidate[i]);
                tolerant.Find(candidate[..lower.Length], MatchKind.Typo, found, forms);
            }
        }

        if (forms.Count == 1)
        {
            into.AddRange(found);
        }
    }

    private static bool IsDoublingConsonant(char c) => c is 'b' or 'c' or 'd' or 'f' or 'g' or 'l' or 'm' or 'n' or 'p' or 'r' or 's' or 't' or 'z';
}
