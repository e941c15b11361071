using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Lsp.Server;

/// <summary>How names are replaced by "pseudonymise".</summary>
public enum PseudonymStyle
{
    /// <summary>Théo Martin → T. M.</summary>
    Initials,

    /// <summary>A role the user chose, such as "l'enfant".</summary>
    Role,
}

/// <summary>
/// The settings in force, resolved from the client's settings, the workspace file and the trust state. Immutable:
/// a settings change builds a new instance with a higher <see cref="Generation"/>, which is part of every
/// diagnostic result id.
/// </summary>
/// <remarks>
/// The part that needs the rule catalog (the engine, the rules switched off, the severities) is resolved on first
/// use, so that <c>initialize</c> can be answered while the built-in packs are still loading. Reading
/// <see cref="Engine"/> or <see cref="Options"/> waits for the catalog: a request that arrives early is answered
/// late, never with results from an incomplete rule set.
/// </remarks>
public sealed record EffectiveSettings
{
    /// <summary>The default delay before pushing diagnostics.</summary>
    public const int DefaultDebounceMs = 150;

    /// <summary>The defaults: built-in rules, all on.</summary>
    public static EffectiveSettings Default { get; } = new()
    {
        Rules = new Lazy<ResolvedRules>(() => new ResolvedRules(RuleEngine.CreateDefault(), LintOptions.Default)),
    };

    /// <summary>Increases at every settings change.</summary>
    public int Generation { get; init; }

    /// <summary>The engine and the rule options, built when first needed (see the remarks).</summary>
    public required Lazy<ResolvedRules> Rules { get; init; }

    /// <summary>The engine, with the custom packs when the workspace is trusted; waits for the catalog.</summary>
    public RuleEngine Engine => Rules.Value.Engine;

    /// <summary>Rules off and severities; the format is set per document. Waits for the catalog.</summary>
    public LintOptions Options => Rules.Value.Options;

    /// <summary>
    /// <see cref="Options"/> for markdown documents: one instance per settings generation, which the incremental
    /// linter's block cache keys on.
    /// </summary>
    public LintOptions MarkdownOptions => Rules.Value.MarkdownOptions;

    /// <summary><see cref="Options"/> for plain-text documents, one instance per settings generation.</summary>
    public LintOptions PlainTextOptions => Rules.Value.PlainTextOptions;

    /// <summary>Delay before pushed diagnostics, in milliseconds.</summary>
    public int DebounceMs { get; init; } = DefaultDebounceMs;

    /// <summary>
    /// The most diagnostics published for one document, the rest being summed up in one last diagnostic; 0 (the
    /// default) publishes them all.
    /// </summary>
    public int MaxDiagnosticsPerDocument { get; init; }

    /// <summary>The messages language; only "fr" exists.</summary>
    public string Language { get; init; } = "fr";

    /// <summary>Initials or role.</summary>
    public PseudonymStyle PseudonymStyle { get; init; } = PseudonymStyle.Initials;

    /// <summary>With the role style: the role for each name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Roles { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>The catalog-dependent part of the settings: the engine and the options for each document format.</summary>
public sealed class ResolvedRules
{
    /// <summary>Builds the options of both formats once, so that they keep one identity per settings generation.</summary>
    public ResolvedRules(RuleEngine engine, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Engine = engine;
        Options = options;
        MarkdownOptions = options with { Format = DocumentFormat.Markdown };
        PlainTextOptions = options with { Format = DocumentFormat.PlainText };
    }

    /// <summary>The engine.</summary>
    public RuleEngine Engine { get; }

    /// <summary>Rules off and severities, format left at its default.</summary>
    public LintOptions Options { get; }

    /// <summary>The options for markdown documents.</summary>
    public LintOptions MarkdownOptions { get; }

    /// <summary>The options for plain-text documents.</summary>
    public LintOptions PlainTextOptions { get; }
}
