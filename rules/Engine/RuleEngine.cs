using Cnaemo.NoteLsp.Rules.Detectors;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// The engine: text and options in, findings out. It hides non-prose parts, splits the document into blocks
/// (paragraphs), runs every detector on each block, moves spans to document offsets, applies suppression
/// directives and sorts the result. It is pure and thread-safe: it holds no state but its catalog.
/// </summary>
public sealed class RuleEngine(RuleCatalog catalog)
{
    /// <summary>An engine with the built-in packs.</summary>
    public static RuleEngine CreateDefault() => new(RuleCatalog.BuiltIn());

    /// <summary>The rules in force.</summary>
    public RuleCatalog Catalog { get; } = catalog;

    /// <summary>Lints a whole document.</summary>
    public IReadOnlyList<Finding> Lint(string text, LintOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= LintOptions.Default;
        var (visible, _) = DocumentMasker.Mask(text, options.Format);
        var findings = new List<Finding>();
        foreach (var block in Blocks.Split(visible))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var finding in LintBlock(visible.Substring(block.Start, block.Length), options))
            {
                findings.Add(finding.Shift(block.Start));
            }
        }

        return Finish(text, findings);
    }

    /// <summary>
    /// Lints one block of already-masked text. Spans are relative to the block. The incremental linter caches
    /// the result per block, since a block's findings depend on nothing outside it.
    /// </summary>
    public IReadOnlyList<Finding> LintBlock(string block, LintOptions options)
    {
        if (string.IsNullOrWhiteSpace(block))
        {
            return [];
        }

        var context = new AnalysisContext(block);
        var sink = new FindingSink(options);
        foreach (var detector in Catalog.Detectors)
        {
            detector.Detect(context, sink);
        }

        return sink.Findings;
    }

    /// <summary>Applies the document's suppression directives, removes duplicates and sorts.</summary>
    public static IReadOnlyList<Finding> Finish(string text, List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return findings;
        }

        // Most documents have no directive: the line index is then not needed.
        var lines = text.Contains("notelsp-", StringComparison.Ordinal) ? new LineIndex(text) : null;
        var suppressions = lines is null ? null : Suppressions.Parse(text, lines);
        var result = findings
            .Where(f => suppressions is null || !suppressions.Covers(f, lines!))
            .DistinctBy(f => (f.RuleId, f.Span))
            .OrderBy(f => f.Span.Start)
            .ThenBy(f => f.Span.End)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        return result;
    }
}
