using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// Traits ascribed to a person without a plain copula: a participle that works as one ("Mme F. restant sur sa
/// réserve et demeurant mystérieuse", "étant très exigeante") and the verbs of a reputation ("elle est considérée
/// comme dépendante lourde", "repéré comme assez renfermé", "qualifié de menteur", "réputé violent", "passe pour
/// paresseux"). The judgement is the writer's or the team's all the same, and it names no fact. These findings
/// carry no rewrite: no template knows these verbs, and a wrong rephrasing is worse than none.
/// </summary>
public sealed partial class DignityParser
{
    // Every phrase that ascribes the trait that follows it, with its preposition. Participles are given in their
    // four forms; the person of the clause is checked separately.
    private static readonly WordSet Ascriptions = BuildAscriptions();

    private static WordSet BuildAscriptions()
    {
        var set = new WordSet();
        foreach (var phrase in new[]
        {
            "étant", "restant", "demeurant", "devenant", "semblant", "paraissant",
            "se montrant", "se révélant", "s'avérant", "se montre", "se montrent",
            "considéré{,e,s,es} comme", "décrit{,e,s,es} comme", "perçu{,e,s,es} comme", "vu{,e,s,es} comme",
            "repéré{,e,s,es} comme", "identifié{,e,s,es} comme", "connu{,e,s,es} comme", "présenté{,e,s,es} comme",
            "étiqueté{,e,s,es} comme", "catalogué{,e,s,es} comme", "signalé{,e,s,es} comme", "décrit{,e,s,es} par tous comme",
            "apparaît comme", "apparaissait comme", "apparaissent comme", "se présente comme", "se décrit comme",
            "qualifié{,e,s,es} de", "qualifié{,e,s,es} d'", "taxé{,e,s,es} de", "taxé{,e,s,es} d'",
            "jugé{,e,s,es}", "réputé{,e,s,es}", "réputé{,e,s,es} pour être",
            "passe pour", "passent pour", "passait pour", "passaient pour",
        })
        {
            set.Add(phrase);
        }

        return set;
    }

    /// <summary>
    /// A trait after an ascribing phrase at <paramref name="index"/>, in a clause about a person. A negation in the
    /// clause before it ("n'est pas considéré comme…") lowers the finding, as for a copula.
    /// </summary>
    private DignityMatch? AtAscription(AnalysisContext context, Sentence sentence, int index)
    {
        var length = Ascriptions.MatchAt(context, index, sentence.EndToken);
        if (length == 0)
        {
            return null;
        }

        var start = SkipAdverbs(context, index + length, sentence.EndToken);
        if (Traits(context, start, sentence.EndToken, AnyEntry) is not { Count: > 0 } traits
            || IsDifficultyOfDoing(context, traits[^1].End, sentence.EndToken)
            || traits[0].Entry.Need == LexiconNeed.Speculation)
        {
            return null;
        }

        // "jugé inutile de…", "étant difficile de…": an impersonal construction about an action.
        var after = traits[^1].End;
        if (after < sentence.EndToken && context.TokenText(after) is "de" or "d'" or "que" or "qu'")
        {
            return null;
        }

        if (!PersonSubjects.IsAboutPerson(context, sentence, index))
        {
            return null;
        }

        return new DignityMatch
        {
            Place = RewritePlace.Predicate,
            Span = new TokenRange(index, traits[^1].End),
            Words = traits,
            Negated = HasNegation(context, Math.Max(sentence.FirstToken, index - 3), start),
            WithoutRewrite = true,
        };
    }
}
