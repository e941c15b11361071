using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Loading;

/// <summary>What a rule does when its match stands in quoted speech or under a negation.</summary>
public enum ContextPolicy
{
    /// <summary>Report as usual.</summary>
    Flag,

    /// <summary>Report as a hint only.</summary>
    Lower,

    /// <summary>Do not report.</summary>
    Ignore,
}

/// <summary>A replacement offered for a match. <c>{match}</c> in the text stands for the matched words.</summary>
public sealed record SuggestionTemplate(string Title, string Text);

/// <summary>Words that must stand near a match for it to count, such as "CAF" near a seven-digit number.</summary>
public sealed record ContextRequirement(IReadOnlyList<string> Words, int Window);

/// <summary>How a rule finds its matches: exactly one of terms, a pattern or a C# detector.</summary>
public abstract record Matcher;

/// <summary>Phrases with their inflections, matched on folded tokens.</summary>
public sealed record TermMatcher(IReadOnlyList<string> Terms, IReadOnlyList<string> Antipatterns) : Matcher
{
    private FoldedForms? _forms;

    /// <summary>
    /// Every form of the terms and antipatterns, expanded and folded, as the lexicon detector's trie holds them. A
    /// matcher made by <see cref="WithFoldedForms"/> hands the forms it computed to its first caller (the detector of
    /// the first catalog built from its pack) and forgets them, so that no catalog keeps a second copy of every form;
    /// otherwise, and for later callers, they are computed on the spot.
    /// </summary>
    public FoldedForms TakeFoldedForms() => Interlocked.Exchange(ref _forms, null) ?? FoldedForms.Of(Terms, Antipatterns);

    /// <summary>
    /// A matcher whose forms are computed now: the batch CLI loads its packs several at a time, and this moves the
    /// expansion into that parallel work rather than into the building of the catalog's one trie.
    /// </summary>
    /// <exception cref="FormatException">A term's braces are unbalanced or nested.</exception>
    internal static TermMatcher WithFoldedForms(IReadOnlyList<string> terms, IReadOnlyList<string> antipatterns) =>
        new(terms, antipatterns) { _forms = FoldedForms.Of(terms, antipatterns) };
}

/// <summary>The expanded and folded forms of a term rule's terms and antipatterns.</summary>
public sealed record FoldedForms(IReadOnlyList<string> Terms, IReadOnlyList<string> Antipatterns)
{
    /// <summary>Expands and folds <paramref name="terms"/> and <paramref name="antipatterns"/>.</summary>
    /// <exception cref="FormatException">A term's braces are unbalanced or nested.</exception>
    public static FoldedForms Of(IReadOnlyList<string> terms, IReadOnlyList<string> antipatterns) =>
        new(ExpandAndFold(terms), ExpandAndFold(antipatterns));

    private static string[] ExpandAndFold(IReadOnlyList<string> terms) =>
        [.. terms.SelectMany(Matching.TermExpander.Expand).Select(Text.FoldedText.Fold)];
}

/// <summary>A regular expression run with the non-backtracking engine, optionally checked by a validator.</summary>
public sealed record PatternMatcher(string Pattern, bool OnOriginalText, string? Validator, IReadOnlyList<string> Antipatterns) : Matcher;

/// <summary>A rule implemented in C#, named by <see cref="Name"/>, with the parameters the pack gives it.</summary>
public sealed record CodeMatcher(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters) : Matcher
{
    /// <summary>The list parameter <paramref name="key"/>, or an empty list.</summary>
    public IReadOnlyList<string> List(string key) => Parameters.TryGetValue(key, out var values) ? values : [];
}

/// <summary>A rule as a pack declares it: its descriptor, how it matches and what it suggests.</summary>
public sealed record RuleDefinition
{
    /// <summary>What users are told.</summary>
    public required RuleDescriptor Descriptor { get; init; }

    /// <summary>How matches are found.</summary>
    public required Matcher Matcher { get; init; }

    /// <summary>Policy for matches inside quoted speech.</summary>
    public ContextPolicy Quoted { get; init; } = ContextPolicy.Flag;

    /// <summary>Policy for matches under a negation.</summary>
    public ContextPolicy Negated { get; init; } = ContextPolicy.Flag;

    /// <summary>Words that must stand near the match, if any.</summary>
    public ContextRequirement? Requires { get; init; }

    /// <summary>Rephrasings offered for the match.</summary>
    public IReadOnlyList<SuggestionTemplate> Suggestions { get; init; } = [];

    /// <summary>The mask that replaces the match, such as <c>[NIR masqué]</c>; null when masking makes no sense.</summary>
    public string? Mask { get; init; }

    /// <summary>True when deleting the match is offered.</summary>
    public bool Removable { get; init; }
}
