using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// Context that makes a label a hint rather than a warning: the writer reports someone else's words in the
/// indirect style with a named source ("selon la mère, …", "le père dit que …"), or dates one past event
/// ("a été violent le 12 mars"), which is what the writing principles ask for.
/// </summary>
public static class Attribution
{
    private static readonly string[] SpeechVerbStems =
    [
        "dit", "disent", "explique", "indique", "rapporte", "declare", "affirme", "raconte", "signale", "precise", "estime",
        "evoque", "confie", "ajoute", "souligne", "trouve", "considere", "decrit", "pense",
    ];

    /// <summary>True when the match stands in reported speech or describes one dated past event.</summary>
    public static bool IsAttributedOrDated(AnalysisContext context, Sentence sentence, DignityMatch match)
    {
        if (match.Words[0].Entry.Kind == LexiconKind.Phrase)
        {
            return false;
        }

        for (var k = sentence.FirstToken; k < match.Span.First; k++)
        {
            var token = context.TokenText(k).ToString();
            if (token is "selon" or "d'apres")
            {
                return true;
            }

            // "dit que", and "a dit le 3 mars que", "a indiqué, le [date], qu'": a date may stand between the verb and "que".
            if (SpeechVerbStems.Any(v => token.StartsWith(v, StringComparison.Ordinal)))
            {
                for (var q = k + 1; q < Math.Min(match.Span.First, k + 12); q++)
                {
                    if (context.TokenText(q) is "que" or "qu'")
                    {
                        return true;
                    }
                }
            }
        }

        // A dated single event in the past: "a été violent le 12 mars", "était agressif hier".
        var end = match.Span.End;
        var past = match.Copula is { Tense: Tense.PasseCompose or Tense.Imparfait or Tense.PlusQueParfait or Tense.PasseSimple };
        return past && match.Words[0].Entry.Kind == LexiconKind.Trait && end < sentence.EndToken
            && (context.TokenIs(end, "hier") || (context.TokenIs(end, "le") && end + 1 < sentence.EndToken
                && (context.TokenAt(end + 1).Kind == TokenKind.Number || context.TokenText(end + 1) is "[" or "lundi" or "mardi" or "mercredi" or "jeudi" or "vendredi" or "samedi" or "dimanche")));
    }

    // Who may name a disorder: a clinician, or a document a clinician wrote. "Dr" and "Pr" are abbreviations the
    // sentence splitter already keeps inside the sentence.
    private static readonly HashSet<string> ClinicalSources = new(StringComparer.Ordinal)
    {
        "psychiatre", "psychiatres", "pedopsychiatre", "pedopsychiatres", "psychologue", "psychologues", "neuropsychologue",
        "medecin", "medecins", "docteur", "dr", "pr", "professeur", "pediatre", "neuropediatre", "neurologue", "geriatre",
        "generaliste", "praticien", "praticienne", "psychiatrie", "pedopsychiatrie", "cmp", "cmpp", "camsp",
        "certificat", "expertise", "ordonnance", "attestation", "bilan", "compte-rendu", "diagnostic",
    };

    private static readonly string[] ReportingStems =
    [
        "indique", "note", "mentionne", "fait etat", "diagnostiqu", "conclu", "releve", "evoque", "pose", "atteste",
        "confirme", "retient", "constate", "precise", "dit", "explique", "rapporte", "signale", "estime", "decrit",
        "souligne", "observe", "suspecte", "fait part",
    ];

    /// <summary>
    /// True when the sentence around tokens <paramref name="first"/>..<paramref name="end"/> gives a clinician or a
    /// medical document as the source of what it says: "le psychiatre indique que …", "selon le compte rendu du
    /// Dr X, …", "diagnostiquée par le médecin". A diagnosis so attributed is not a lay diagnosis. Only a bounded
    /// window around the match is read, so a sentence without punctuation costs no more than a short one.
    /// </summary>
    public static bool HasClinicalSource(AnalysisContext context, Sentence sentence, int first, int end)
    {
        const int Before = 30;
        const int After = 15;
        var from = Math.Max(sentence.FirstToken, first - Before);
        var to = Math.Min(sentence.EndToken, end + After);
        for (var k = from; k < to; k++)
        {
            if (!IsClinicalSource(context, k))
            {
                continue;
            }

            // "selon le psychiatre", "d'après le compte rendu du Dr X", "diagnostiqué par le médecin".
            for (var b = Math.Max(from, k - 4); b < k; b++)
            {
                if (context.TokenText(b) is "selon" or "par" || (context.TokenIs(b, "apres") && context.TokenIs(b - 1, "d'")))
                {
                    return true;
                }
            }

            // "le psychiatre indique que", "le certificat médical du 3 mars mentionne".
            for (var a = k + 1; a < Math.Min(to, k + 8); a++)
            {
                var token = context.TokenText(a).ToString();
                var next = a + 1 < to ? context.TokenText(a + 1).ToString() : string.Empty;
                if (ReportingStems.Any(stem => stem.Contains(' ', StringComparison.Ordinal)
                    ? stem == token + " " + next
                    : token.StartsWith(stem, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsClinicalSource(AnalysisContext context, int k)
    {
        var token = context.TokenText(k);
        if (ClinicalSources.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token))
        {
            return true;
        }

        // "compte rendu", written in two words.
        return token is "compte" && context.TokenIs(k + 1, "rendu") || token is "rapport" && context.TokenIs(k + 1, "medical");
    }
}
