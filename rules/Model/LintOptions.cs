namespace Cnaemo.NoteLsp.Rules.Model;

/// <summary>How a document's text is to be read.</summary>
public enum DocumentFormat
{
    /// <summary>Plain text: only URLs are skipped.</summary>
    PlainText,

    /// <summary>Markdown: code spans, code blocks, URLs and HTML comments are skipped.</summary>
    Markdown,
}

/// <summary>The user's choices for one lint run. The defaults flag everything at the rules' own severities.</summary>
public sealed record LintOptions
{
    /// <summary>The defaults: plain text, every rule on.</summary>
    public static LintOptions Default { get; } = new();

    /// <summary>How to read the text.</summary>
    public DocumentFormat Format { get; init; } = DocumentFormat.PlainText;

    /// <summary>Rule ids switched off.</summary>
    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Categories switched off.</summary>
    public IReadOnlySet<Category> DisabledCategories { get; init; } = new HashSet<Category>();

    /// <summary>Severity per rule id, replacing the rule's default.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } =
        new Dictionary<string, Severity>(StringComparer.Ordinal);

    /// <summary>
    /// True (the default) to report one finding per fact: findings of one category that overlap, or that name the same
    /// fact in one sentence, become one grouped finding listing the rules that matched. False reports every rule's
    /// finding on its own, for audits.
    /// </summary>
    public bool GroupFindings { get; init; } = true;

    /// <summary>True when the rule may report under these options.</summary>
    public bool IsEnabled(RuleDescriptor rule) =>
        !DisabledRules.Contains(rule.Id) && !DisabledCategories.Contains(rule.Category);

    /// <summary>The severity a finding of this rule gets, before context lowers it.</summary>
    public Severity SeverityOf(RuleDescriptor rule) =>
        SeverityOverrides.TryGetValue(rule.Id, out var severity) ? severity : rule.DefaultSeverity;
}
