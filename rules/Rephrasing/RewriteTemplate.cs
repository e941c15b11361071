namespace Cnaemo.NoteLsp.Rules.Rephrasing;

/// <summary>Where a flagged word stands, which decides the text of a rewrite.</summary>
public enum RewritePlace
{
    /// <summary>Subject, copula and flagged words: "Théo est agressif".</summary>
    Clause,

    /// <summary>Copula and flagged words with no subject before them: "qui est agressif".</summary>
    Predicate,

    /// <summary>A person noun followed by the flagged word: "Résidente difficile".</summary>
    Apposition,

    /// <summary>A noun of conduct followed by a judgement: "Attitude inadmissible".</summary>
    Conduct,

    /// <summary>A determiner and the flagged noun, or a flagged phrase: "un délinquant", "cas social".</summary>
    Noun,

    /// <summary>An exclamation at the head of a sentence: "Quel abruti,".</summary>
    Exclamation,

    /// <summary>A clause in the imperfect, which tells a habit or a state ("Il était violent"): the rewrite keeps it one.</summary>
    ClauseHabit,

    /// <summary>A predicate in the imperfect ("…, qui était violent").</summary>
    PredicateHabit,
}

/// <summary>When a template may be used beyond having a text for the place.</summary>
public enum TemplateCondition
{
    /// <summary>Always.</summary>
    None,

    /// <summary>Only when every flagged word names a behaviour (grammar.yaml, <c>behaviours</c>).</summary>
    Behaviours,
}

/// <summary>A named rewrite with one text per place; see rules/Rephrasing/Lexicons/templates.yaml.</summary>
public sealed record RewriteTemplate(string Name, string Title, IReadOnlyDictionary<RewritePlace, string> Texts, TemplateCondition Only = TemplateCondition.None)
{
    /// <summary>The YAML key of each place.</summary>
    public static IReadOnlyDictionary<string, RewritePlace> PlaceKeys { get; } = new Dictionary<string, RewritePlace>(StringComparer.Ordinal)
    {
        ["clause"] = RewritePlace.Clause,
        ["predicate"] = RewritePlace.Predicate,
        ["apposition"] = RewritePlace.Apposition,
        ["conduct"] = RewritePlace.Conduct,
        ["noun"] = RewritePlace.Noun,
        ["exclamation"] = RewritePlace.Exclamation,
        ["clause-habit"] = RewritePlace.ClauseHabit,
        ["predicate-habit"] = RewritePlace.PredicateHabit,
    };
}
