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

    /// <summary>Returns the same finding moved by <paramref name="delta"/> code units.</summary>
    public Finding Shift(int delta) => delta == 0 ? this : this with { Span = Span.Shift(delta) };
}
