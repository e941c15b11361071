namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>The <c>workspace/executeCommand</c> commands of the contract.</summary>
public static class LspCommands
{
    /// <summary>[uri] → masks every identifier; returns { masked }.</summary>
    public const string MaskAllIdentifiers = "notelsp.maskAllIdentifiers";

    /// <summary>[uri, name, replacement?] → replaces every occurrence; returns { replaced }.</summary>
    public const string Pseudonymise = "notelsp.pseudonymise";

    /// <summary>[uri] → counts and findings, no document text.</summary>
    public const string DocumentSummary = "notelsp.documentSummary";

    /// <summary>[ruleId] → adds the rule to <c>.notelsp.json</c> and applies it at once.</summary>
    public const string DisableRuleInWorkspace = "notelsp.disableRuleInWorkspace";

    /// <summary>[] → every rule.</summary>
    public const string ListRules = "notelsp.listRules";

    /// <summary>All of them, for the server capabilities.</summary>
    public static IReadOnlyList<string> All { get; } = [MaskAllIdentifiers, Pseudonymise, DocumentSummary, DisableRuleInWorkspace, ListRules];
}
