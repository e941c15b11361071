using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>The agreement of a rewrite: the gender, number and grammatical person of the person it speaks of.</summary>
public static partial class DignityRewriter
{
    /// <summary>
    /// The gender and number the flagged words agree with: their own form when it says, otherwise the cues of the
    /// subject (a pronoun, a determiner, "Mme") and the copula's person.
    /// </summary>
    public static Agreement AgreementOf(AnalysisContext context, DignityMatch match)
    {
        var candidates = match.Words[0].Agreements;
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        Gender? gender = null;
        GrammaticalNumber? number = match.Copula is { Person: >= 3 } ? GrammaticalNumber.Plural : null;
        var cues = match.Subject.IsSome ? match.Subject : match.Determiner.IsSome ? match.Determiner : match.Noun;
        for (var i = Math.Max(0, cues.First); cues.IsSome && i < cues.End; i++)
        {
            switch (context.TokenText(i).ToString())
            {
                case "elle" or "la" or "une" or "cette" or "sa" or "ma" or "ta" or "mme" or "madame" or "mlle" or "mademoiselle" or "celle":
                    gender ??= Gender.Feminine;
                    break;
                case "elles" or "celles":
                    gender ??= Gender.Feminine;
                    number ??= GrammaticalNumber.Plural;
                    break;
                case "ils" or "les" or "des" or "ces" or "ses" or "mes" or "leurs" or "ceux":
                    number ??= GrammaticalNumber.Plural;
                    break;
                case "il" or "le" or "un" or "ce" or "cet" or "son" or "mon" or "m" or "monsieur" or "mr" or "celui":
                    gender ??= Gender.Masculine;
                    break;
            }
        }

        var wanted = new Agreement(gender ?? Gender.Masculine, number ?? GrammaticalNumber.Singular);
        foreach (var candidate in candidates)
        {
            if (candidate == wanted)
            {
                return candidate;
            }
        }

        return candidates.FirstOrDefault(c => number is null || c.Number == number, candidates[0]);
    }

    private static int PersonOf(AnalysisContext context, DignityMatch match, Agreement agreement)
    {
        if (match.Subject.IsSome)
        {
            switch (context.TokenText(match.Subject.First).ToString())
            {
                case "je" or "j'":
                    return 0;
                case "tu":
                    return 1;
                case "nous":
                    return 3;
                case "vous":
                    return 4;
            }
        }

        return match.Copula?.Person ?? (agreement.Number == GrammaticalNumber.Plural ? 5 : 2);
    }
}
