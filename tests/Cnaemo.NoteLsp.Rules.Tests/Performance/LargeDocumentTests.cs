using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// The engine has no size limit: a 15 MB document lints to the end, and what it finds in a large document is what it
/// finds in each of its parts. Timing is measured by the benchmarks in bench/, never asserted here.
/// </summary>
public sealed class LargeDocumentTests
{
    private const int FifteenMegabytes = 15 * 1024 * 1024;

    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [Fact]
    public void A_15_MB_report_lints_to_its_end_with_the_findings_of_its_parts()
    {
        var text = FrenchReportGenerator.Generate(FifteenMegabytes);
        var options = LintOptions.Default with { Format = DocumentFormat.Markdown };

        var findings = Engine.Lint(text, options);

        Assert.True(text.Length >= FifteenMegabytes);
        Assert.All(findings, f => Assert.InRange(f.Span.End, f.Span.Start, text.Length));
        Assert.True(findings.Zip(findings.Skip(1)).All(pair => pair.First.Span.Start <= pair.Second.Span.Start), "findings are sorted");

        // The last report of the document must be linted like a document of its own: nothing was cut off.
        var lastReport = text.LastIndexOf("# Rapport de situation", StringComparison.Ordinal);
        var tail = text[lastReport..];
        var expectedTail = Engine.Lint(tail, options).Select(f => (f.RuleId, f.Span.Start + lastReport, f.Span.Length));
        var actualTail = findings.Where(f => f.Span.Start >= lastReport).Select(f => (f.RuleId, f.Span.Start, f.Span.Length));
        Assert.NotEmpty(expectedTail);
        Assert.Equal(expectedTail, actualTail);
    }

    [Fact]
    public void A_15_MB_report_relints_incrementally_like_a_full_lint()
    {
        var text = FrenchReportGenerator.Generate(FifteenMegabytes, seed: 7);
        var options = LintOptions.Default with { Format = DocumentFormat.Markdown };
        var first = IncrementalLinting.Lint(Engine, null, text, options);
        var edited = text.Insert(text.Length / 2, " Contacter le père au 0612345678.");

        var second = IncrementalLinting.Lint(Engine, first, edited, options);

        Assert.InRange(second.BlocksLinted, 1, 2);
        Assert.True(second.EditedLinesOnly, "a sentence typed into one paragraph should re-scan only its lines");
        Assert.Equal(
            Engine.Lint(edited, options).Select(f => (f.RuleId, f.Span)),
            second.Findings.Select(f => (f.RuleId, f.Span)));
    }
}
