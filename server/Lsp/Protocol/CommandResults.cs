namespace Cnaemo.NoteLsp.Server.Lsp.Protocol;

/// <summary>The answer to <c>notelsp.maskAllIdentifiers</c>.</summary>
public sealed record MaskResult(int Masked);

/// <summary>The answer to <c>notelsp.pseudonymise</c>.</summary>
public sealed record PseudonymiseResult(int Replaced);

/// <summary>The answer to <c>notelsp.disableRuleInWorkspace</c>.</summary>
public sealed record DisableRuleResult(string RuleId, bool Applied);

/// <summary>The answer to <c>notelsp.documentSummary</c>: counts and findings, no document text.</summary>
public sealed record DocumentSummary(
    string Uri,
    int Version,
    FamilyCounts Counts,
    Dictionary<string, int> ByCategory,
    List<SummaryFinding> Findings);

/// <summary>Findings per family.</summary>
public sealed record FamilyCounts(int Privacy, int Dignity);

/// <summary>One finding in a summary.</summary>
public sealed record SummaryFinding(string RuleId, string Category, string Family, string Severity, string Message, Range Range);

/// <summary>One rule in <c>notelsp.listRules</c>.</summary>
public sealed record RuleSummary(string Id, string Category, string Family, string Severity, string Message);
