namespace Cnaemo.NoteLsp.Rules.Model;

/// <summary>What applying a suggestion does to the text; only mechanical kinds may be applied in bulk.</summary>
public enum SuggestionKind
{
    /// <summary>A neutral rewording. Always a suggestion the user picks, never applied in bulk.</summary>
    Rephrase,

    /// <summary>Replaces an identifier by a readable mask such as <c>[NIR masqué]</c>.</summary>
    Mask,

    /// <summary>Deletes the span.</summary>
    Remove,
}

/// <summary>A replacement text for a finding's span, with the title shown in the editor's menu.</summary>
public sealed record Suggestion(string Title, string Replacement, SuggestionKind Kind)
{
    /// <summary>True for fixes that change no wording and can be applied by "fix all".</summary>
    public bool IsMechanical => Kind != SuggestionKind.Rephrase;

    /// <summary>
    /// The text the replacement takes the place of, when it is only a part of the finding's span: a grouped finding
    /// offers each part's rewrites for that part's words alone, never for the whole span. Null means the finding's
    /// whole span.
    /// </summary>
    public TextSpan? Span { get; init; }

    /// <summary>The span this suggestion replaces in a finding whose span is <paramref name="findingSpan"/>.</summary>
    public TextSpan Target(TextSpan findingSpan) => Span ?? findingSpan;

    /// <summary>Returns the same suggestion moved by <paramref name="delta"/> code units.</summary>
    public Suggestion Shift(int delta) => Span is { } span && delta != 0 ? this with { Span = span.Shift(delta) } : this;
}

/// <summary>One problem found in a text.</summary>
/// <param name="Rule">The rule that raised it.</param>
/// <param name="Span">Where, in UTF-16 code units of the whole document.</param>
/// <param name="Severity">The effective severity, after context and user settings.</param>
/// <param name="Message">The French message; usually the rule's own.</param>
/// <param name="Suggestions">Replacements for the span, best first; may be empty.</param>
public sealed record Finding(
    RuleDescriptor Rule,
    TextSpan Span,
    Severity Severity,
    string Message,
    IReadOnlyList<Suggestion> Suggestions)
{
    /// <summary>The stable rule id.</summary>
    public string RuleId => Rule.Id;

    /// <summary>The rule's category.</summary>
    public Category Category => Rule.Category;

    /// <summary>
    /// The findings of single rules that this one groups, in document order: the words of one fact that several
    /// rules of the same category flagged (<see cref="Engine.FindingGrouping"/>). Empty for a finding of one rule.
    /// </summary>
    public IReadOnlyList<Finding> Parts { get; init; } = [];

    /// <summary>True when the finding groups several rules' findings.</summary>
    public bool IsGrouped => Parts.Count > 0;

    /// <summary>
    /// A sentence that the context adds to the rule's message, such as a health fact attributed to a clinician,
    /// which may be needed; kept apart so that a grouped finding can repeat it. Null when there is none.
    /// </summary>
    public string? Qualifier { get; init; }

    /// <summary>The findings of single rules behind this one: its parts, or itself.</summary>
    public IReadOnlyList<Finding> RuleFindings => IsGrouped ? Parts : [this];

    /// <summary>True when <paramref name="ruleId"/> raised this finding or one of its parts.</summary>
    public bool HasRule(string ruleId) => RuleId == ruleId || Parts.Any(p => p.RuleId == ruleId);

    /// <summary>Returns the same finding moved by <paramref name="delta"/> code units.</summary>
    public Finding Shift(int delta)
    {
        if (delta == 0)
        {
            return this;
        }

        if (!IsGrouped)
        {
            return this with { Span = Span.Shift(delta) };
        }

        return this with
        {
            Span = Span.Shift(delta),
            Parts = [.. Parts.Select(p => p.Shift(delta))],
            Suggestions = [.. Suggestions.Select(s => s.Shift(delta))],
        };
    }
}
