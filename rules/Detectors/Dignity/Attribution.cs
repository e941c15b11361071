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

}
