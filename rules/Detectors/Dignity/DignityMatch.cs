using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Rephrasing;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>A token range [First, End) of the block, or none when <see cref="First"/> is negative.</summary>
public readonly record struct TokenRange(int First, int End)
{
    /// <summary>No range.</summary>
    public static TokenRange None { get; } = new(-1, -1);

    /// <summary>True when the range holds at least one token.</summary>
    public bool IsSome => First >= 0 && End > First;
}

/// <summary>
/// A flagged construction with everything the rewrite needs: where the words stand, the subject, the copula's
/// tense and person, the person noun of an apposition, the determiner of a label, and the flagged words.
/// </summary>
public sealed record DignityMatch
{
    /// <summary>Where the flagged words stand.</summary>
    public required RewritePlace Place { get; init; }

    /// <summary>The tokens the finding covers and a suggestion replaces.</summary>
    public required TokenRange Span { get; init; }

    /// <summary>The flagged words, in order (several when coordinated: "sale et négligée").</summary>
    public required IReadOnlyList<LexiconHit> Words { get; init; }

    /// <summary>The subject, if one stands before the copula.</summary>
    public TokenRange Subject { get; init; } = TokenRange.None;

    /// <summary>The copula, for clauses and predicates.</summary>
    public CopulaMatch? Copula { get; init; }

    /// <summary>The person noun of an apposition, with its determiner if any.</summary>
    public TokenRange Noun { get; init; } = TokenRange.None;

    /// <summary>The determiner of a label or phrase.</summary>
    public TokenRange Determiner { get; init; } = TokenRange.None;

    /// <summary>True when a negation governs the words ("n'est pas violent").</summary>
    public bool Negated { get; init; }

    /// <summary>
    /// True when the writer reports someone else's words ("selon la mère, …", "le père dit que …") or dates a
    /// single event ("a été violent le 12 mars"): the wording is then a hint, not a warning.
    /// </summary>
    public bool Attributed { get; init; }

    /// <summary>
    /// The construction has no template (a trait standing alone, a trait continuing a list): the finding is reported
    /// without a rewrite.
    /// </summary>
    public bool WithoutRewrite { get; init; }

    /// <summary>The category of the first flagged word, which decides the rule.</summary>
    public Category Category => Words[0].Entry.Category;

    /// <summary>The rewrites of the first flagged word.</summary>
    public IReadOnlyList<RewriteTemplate> Rewrites => Words[0].Entry.Rewrites;
}
