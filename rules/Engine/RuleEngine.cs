using Cnaemo.NoteLsp.Rules.Detectors;
using Cnaemo.NoteLsp.Rules.Detectors.Privacy;
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

        // Everything below depends on the block alone, so it belongs here, where the incremental linter caches it.
        var findings = ClinicalHealthData.Qualify(WithoutWordsInsideTheirExpression(WithoutRephrasingsOfQuotedWords(LintedDocument.InDocumentOrder(sink.Findings), context)), context);
        return options.GroupFindings ? FindingGrouping.Group(findings, context) : findings;
    }

    /// <summary>Applies the document's suppression directives (to each part of a grouped finding), removes duplicates and sorts.</summary>
    public static IReadOnlyList<Finding> Finish(string text, List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return findings;
        }

        // Most documents have no directive: the line index is then not needed.
        var lines = text.Contains("notelsp-", StringComparison.Ordinal) ? new LineIndex(text) : null;
        var suppressions = lines is null ? null : Suppressions.Parse(text, lines);
        // A directive names rules: it removes the parts of a grouped finding that it names, and keeps the others.
        return findings
            .Select(f => suppressions is null ? f : FindingGrouping.Without(f, part => suppressions.Covers(part, lines!), text))
            .OfType<Finding>()
            .DistinctBy(f => (f.RuleId, f.Span))
            .OrderBy(f => f.Span.Start)
            .ThenBy(f => f.Span.End)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Quoted words are someone's own words, and quoting them is the form the guides recommend ("Selon Mme X,
    /// « … »"): a rephrasing would put other words in that person's mouth. A finding inside a quotation keeps its
    /// masks and removals, and loses its rephrasings.
    /// </summary>
    private static IReadOnlyList<Finding> WithoutRephrasingsOfQuotedWords(IReadOnlyList<Finding> findings, AnalysisContext context)
    {
        if (context.Quotes.Count == 0)
        {
            return findings;
        }

        List<Finding>? result = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (context.IsQuoted(finding.Span) && finding.Suggestions.Any(s => s.Kind == SuggestionKind.Rephrase))
            {
                result ??= [.. findings.Take(i)];
                result.Add(finding with { Suggestions = [.. finding.Suggestions.Where(s => s.Kind != SuggestionKind.Rephrase)] });
                continue;
            }

            result?.Add(finding);
        }

        return result ?? findings;
    }

    /// <summary>
    /// One fact, one finding: a coarse word inside an expression that another dignity rule reports ("des conneries"
    /// in "raconte des conneries") is the same judgement. The word's finding is dropped when it offers no rephrasing
    /// and the expression's finding, which covers it, offers one; the expression's rewrite replaces the word too.
    /// The findings are sorted by start, so a covering finding starts at or before the one it covers.
    /// </summary>
    private static IReadOnlyList<Finding> WithoutWordsInsideTheirExpression(IReadOnlyList<Finding> sorted)
    {
        List<Finding>? kept = null;
        for (var i = 0; i < sorted.Count; i++)
        {
            var inner = sorted[i];
            if (IsCoveredByARewrite(sorted, i, inner))
            {
                kept ??= [.. sorted.Take(i)];
                continue;
            }

            kept?.Add(inner);
        }

        return kept ?? sorted;
    }

    private static bool IsCoveredByARewrite(IReadOnlyList<Finding> sorted, int index, Finding inner)
    {
        if (inner.Category.Family() != RuleFamily.Dignity || inner.Category == Category.Typography
            || inner.Suggestions.Any(s => s.Kind == SuggestionKind.Rephrase))
        {
            return false;
        }

        // Only the findings that start at most a short distance before can cover this one: expressions are short.
        for (var j = index - 1; j >= 0 && inner.Span.Start - sorted[j].Span.Start <= 200; j--)
        {
            if (Covers(sorted[j], inner))
            {
                return true;
            }
        }

        for (var j = index + 1; j < sorted.Count && sorted[j].Span.Start == inner.Span.Start; j++)
        {
            if (Covers(sorted[j], inner))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(Finding outer, Finding inner) =>
        outer.RuleId != inner.RuleId && outer.Category.Family() == RuleFamily.Dignity && outer.Category != Category.Typography
        && outer.Span.Start <= inner.Span.Start && outer.Span.End >= inner.Span.End && outer.Span.Length > inner.Span.Length
        && outer.Suggestions.Any(s => s.Kind == SuggestionKind.Rephrase);
}
