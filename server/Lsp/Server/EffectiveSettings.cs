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
public sealed record EffectiveSettings
{
    /// <summary>The default delay before pushing diagnostics.</summary>
    public const int DefaultDebounceMs = 150;

    /// <summary>The defaults: built-in rules, all on.</summary>
    public static EffectiveSettings Default { get; } = new()
    {
        Engine = RuleEngine.CreateDefault(),
        Options = LintOptions.Default,
    };

    /// <summary>Increases at every settings change.</summary>
    public int Generation { get; init; }

    /// <summary>The engine, with the custom packs when the workspace is trusted.</summary>
    public required RuleEngine Engine { get; init; }

    /// <summary>Rules off and severities; the format is set per document.</summary>
    public required LintOptions Options
    {
        get => _options;
        init
        {
            _options = value;
            MarkdownOptions = value with { Format = DocumentFormat.Markdown };
            PlainTextOptions = value with { Format = DocumentFormat.PlainText };
        }
    }

    /// <summary>
    /// <see cref="Options"/> for markdown documents: one instance per settings generation, which the incremental
    /// linter's block cache keys on.
    /// </summary>
    public LintOptions MarkdownOptions { get; private init; } = LintOptions.Default;

    /// <summary><see cref="Options"/> for plain-text documents, one instance per settings generation.</summary>
    public LintOptions PlainTextOptions { get; private init; } = LintOptions.Default;

    /// <summary>Delay before pushed diagnostics, in milliseconds.</summary>
    public int DebounceMs { get; init; } = DefaultDebounceMs;

    /// <summary>The messages language; only "fr" exists.</summary>
    public string Language { get; init; } = "fr";

    /// <summary>Initials or role.</summary>
    public PseudonymStyle PseudonymStyle { get; init; } = PseudonymStyle.Initials;

    /// <summary>With the role style: the role for each name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Roles { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    private readonly LintOptions _options = LintOptions.Default;
}
