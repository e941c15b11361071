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

/// <summary>
/// The context a match needs to count: one of <see cref="Words"/> within <see cref="Window"/> tokens, such as "CAF" near
/// a seven-digit number, or, with <see cref="Person"/>, a person named in the same sentence (a relative, a title, "je").
/// When both are given, either suffices: "traitement" counts next to "prend" or in a sentence about the mother.
/// </summary>
public sealed record ContextRequirement(IReadOnlyList<string> Words, int Window, bool Person = false);

/// <summary>
/// What one term demands beyond its folded form. Folding makes "FO" (the union) equal to "fo" in XSL-FO and "mémé" equal
/// to "même": with <see cref="ExactCase"/> the capitals of the written term must be the text's (accents aside), with
/// <see cref="ExactAccents"/> its accents must be (capitals aside). <see cref="Requires"/> is the context the term needs
/// when it has a harmless sense the rule's other terms do not ("le traitement" of data, "une liaison" between programs).
/// </summary>
public sealed record TermOptions(bool ExactCase, bool ExactAccents, ContextRequirement? Requires)
{
    /// <summary>True when the term asks for nothing beyond its folded form.</summary>
    public bool IsPlain => !ExactCase && !ExactAccents && Requires is null;
}

/// <summary>One expanded form of a term with options: the form as written (for exact case or accents) and the options.</summary>
public sealed record FormCheck(string Written, TermOptions Options);

/// <summary>How a rule finds its matches: exactly one of terms, a pattern or a C# detector.</summary>
public abstract record Matcher;

/// <summary>Phrases with their inflections, matched on folded tokens.</summary>
/// <remarks><paramref name="Options"/> is empty, or holds one entry per term (null for a plain term).</remarks>
public sealed record TermMatcher(IReadOnlyList<string> Terms, IReadOnlyList<string> Antipatterns, IReadOnlyList<TermOptions?> Options) : Matcher
{
    /// <summary>A matcher whose terms carry no options.</summary>
    public TermMatcher(IReadOnlyList<string> terms, IReadOnlyList<string> antipatterns)
        : this(terms, antipatterns, [])
    {
    }

    private FoldedForms? _forms;

    /// <summary>
    /// Every form of the terms and antipatterns, expanded and folded, as the lexicon detector's trie holds them. A
    /// matcher made by <see cref="WithFoldedForms"/> hands the forms it computed to its first caller (the detector of
    /// the first catalog built from its pack) and forgets them, so that no catalog keeps a second copy of every form;
    /// otherwise, and for later callers, they are computed on the spot.
    /// </summary>
    public FoldedForms TakeFoldedForms() => Interlocked.Exchange(ref _forms, null) ?? FoldedForms.Of(Terms, Antipatterns, Options);

    /// <summary>
    /// A matcher whose forms are computed now: the batch CLI loads its packs several at a time, and this moves the
    /// expansion into that parallel work rather than into the building of the catalog's one trie.
    /// </summary>
    /// <exception cref="FormatException">A term's braces are unbalanced or nested.</exception>
    internal static TermMatcher WithFoldedForms(IReadOnlyList<string> terms, IReadOnlyList<string> antipatterns, IReadOnlyList<TermOptions?> options) =>
        new(terms, antipatterns, options) { _forms = FoldedForms.Of(terms, antipatterns, options) };
}

/// <summary>
/// The expanded and folded forms of a term rule's terms and antipatterns. <see cref="Checks"/> holds, for each form of
/// <see cref="Terms"/>, what its term asks beyond the folded form, or null.
/// </summary>
public sealed record FoldedForms(IReadOnlyList<string> Terms, IReadOnlyList<string> Antipatterns, IReadOnlyList<FormCheck?> Checks)
{
    /// <summary>Expands and folds <paramref name="terms"/> and <paramref name="antipatterns"/>.</summary>
    /// <exception cref="FormatException">A term's braces are unbalanced or nested.</exception>
    public static FoldedForms Of(IReadOnlyList<string> terms, IReadOnlyList<string> antipatterns) =>
        Of(terms, antipatterns, []);

    /// <summary>Expands and folds the terms, keeping each form's options (<paramref name="options"/>: empty or one per term).</summary>
    /// <exception cref="FormatException">A term's braces are unbalanced or nested.</exception>
    public static FoldedForms Of(IReadOnlyList<string> terms, IReadOnlyList<string> antipatterns, IReadOnlyList<TermOptions?> options)
    {
        var folded = new List<string>();
        var checks = new List<FormCheck?>();
        for (var t = 0; t < terms.Count; t++)
        {
            var option = t < options.Count ? options[t] : null;
            foreach (var form in Matching.TermExpander.Expand(terms[t]))
            {
                folded.Add(Text.FoldedText.Fold(form));
                checks.Add(option is null || option.IsPlain ? null : new FormCheck(form, option));
            }
        }

        return new(folded, ExpandAndFold(antipatterns), checks);
    }

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

    /// <summary>
    /// Policy for matches in a general statement about an indefinite class of people, which names nobody ("un enfant
    /// en danger peut présenter des ecchymoses"); see <see cref="Detectors.GenericStatement"/>.
    /// </summary>
    public ContextPolicy Generic { get; init; } = ContextPolicy.Flag;

    /// <summary>Words that must stand near the match, if any.</summary>
    public ContextRequirement? Requires { get; init; }

    /// <summary>
    /// For a pattern rule, words or two-word phrases of which the block must hold one for the pattern to run at all (a
    /// street word for an address, "né le" for a date of birth): a cheap test per token that spares most blocks a regular expression. Null when the pattern always runs.
    /// </summary>
    public IReadOnlyList<string>? Prefilter { get; init; }

    /// <summary>Rephrasings offered for the match.</summary>
    public IReadOnlyList<SuggestionTemplate> Suggestions { get; init; } = [];

    /// <summary>The mask that replaces the match, such as <c>[NIR masqué]</c>; null when masking makes no sense.</summary>
    public string? Mask { get; init; }

    /// <summary>True when deleting the match is offered.</summary>
    public bool Removable { get; init; }
}
