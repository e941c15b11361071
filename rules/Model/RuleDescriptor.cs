namespace Cnaemo.NoteLsp.Rules.Model;

/// <summary>A legal article or guidance page that backs a rule, with a link the hover can show.</summary>
public sealed record Reference(string Label, string Url);

/// <summary>Texts that must raise a rule, and texts that must not. Each one runs as a test.</summary>
public sealed record RuleExamples(IReadOnlyList<string> Flag, IReadOnlyList<string> Clean)
{
    /// <summary>No examples at all; the meta-test rejects rules left like this.</summary>
    public static RuleExamples None { get; } = new([], []);

    /// <summary>
    /// The rewrite a flag example must offer, when the pack gives one (<c>flag: [{text, rewrite}]</c>): the whole
    /// example with one suggestion applied. Checked by the rewrite tests like every other suggestion.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedRewrites { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Everything a user is told about a rule: what it finds, why it matters and what the law says.
/// Descriptors come from the YAML packs, whether the rule itself is data or C#.
/// </summary>
public sealed record RuleDescriptor
{
    /// <summary>Stable, dotted id such as <c>privacy.health.disease</c>. Settings and suppressions use it.</summary>
    public required string Id { get; init; }

    /// <summary>The category from the closed list.</summary>
    public required Category Category { get; init; }

    /// <summary>The severity used unless the user overrides it.</summary>
    public required Severity DefaultSeverity { get; init; }

    /// <summary>One French sentence shown in the editor's problem list.</summary>
    public required string Message { get; init; }

    /// <summary>Why it matters for the person and when it may still be written, in French (markdown allowed).</summary>
    public required string Explanation { get; init; }

    /// <summary>How to write it instead, in French. Shown in the hover after the explanation.</summary>
    public string Advice { get; init; } = "";

    /// <summary>
    /// False when the pack says that no rephrasing fits the rule's words (<c>rewrites: none</c>): the finding then
    /// explains and advises only.
    /// </summary>
    public bool OffersRewrites { get; init; } = true;

    /// <summary>Articles and guidance pages, at least one.</summary>
    public required IReadOnlyList<Reference> References { get; init; }

    /// <summary>Texts that must and must not raise the rule.</summary>
    public RuleExamples Examples { get; init; } = RuleExamples.None;

    /// <summary>The pack that declared the rule, for error messages and the rule list.</summary>
    public string Pack { get; init; } = "";

    /// <summary>The family, derived from the category.</summary>
    public RuleFamily Family => Category.Family();
}
