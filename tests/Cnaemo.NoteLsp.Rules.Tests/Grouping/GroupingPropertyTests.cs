using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests.Grouping;

/// <summary>
/// What grouping promises for any text (issue #19): it never hides a span (every rule's finding lies inside the
/// grouped one that holds it), never merges two categories, loses and invents nothing, and is idempotent and
/// deterministic. Checked on generated documents made of the words that trigger several rules of one category.
/// </summary>
public sealed class GroupingPropertyTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static readonly string[] Pieces =
    [
        "Le père", " est ", "incarcéré", " depuis sa ", "condamnation", " pour vol", " et ", " la mère ", "dépressive", ",",
        " le psychiatre indique que ", "alcoolique", " violent", " agressif", " toujours", " !!", "0612345678", " « ", " » ",
        ".", "\n", "\n\n", " selon le Dr X ", "; ", " ne ", " pas ", "la voisine", " schizophrène", "// notelsp-disable-next-line privacy.criminal.offence\n",
    ];

    private static readonly Gen<string> Documents = Gen.OneOfConst(Pieces).Array[0, 30].Select(parts => string.Concat(parts));

    [Fact]
    public void Grouping_hides_no_span_merges_no_category_and_loses_no_rule() =>
        Documents.Sample(text =>
        {
            var every = Engine.Lint(text, LintOptions.Default with { GroupFindings = false });
            var grouped = Engine.Lint(text);
            Assert.True(grouped.Count <= every.Count);
            foreach (var finding in grouped)
            {
                Assert.All(finding.Parts, part =>
                {
                    Assert.Equal(finding.Category, part.Category);
                    Assert.True(finding.Span.Contains(part.Span), "a part's span lies inside its group's");
                    Assert.True(part.Severity >= finding.Severity, "a group is as severe as its most severe part");
                    Assert.False(part.IsGrouped);
                });
                Assert.True(!finding.IsGrouped || finding.Parts.Count >= 2);
            }

            var parts = FindingGrouping.Ungroup(grouped).Select(f => (f.RuleId, f.Span, f.Severity)).ToList();
            Assert.Equal(every.Select(f => (f.RuleId, f.Span, f.Severity)), parts);
        }, iter: 400);

    [Fact]
    public void Grouping_is_idempotent_and_deterministic() =>
        Documents.Sample(text =>
        {
            var visible = text.Replace("//", "  ", StringComparison.Ordinal);
            foreach (var block in Blocks.Split(visible))
            {
                var blockText = visible.Substring(block.Start, block.Length);
                var once = Engine.LintBlock(blockText, LintOptions.Default);
                var twice = FindingGrouping.Group(once, new AnalysisContext(blockText));
                Assert.Equal(Describe(once), Describe(twice));
                Assert.Equal(Describe(once), Describe(Engine.LintBlock(blockText, LintOptions.Default)));
            }
        }, iter: 300);

    private static List<string> Describe(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.RuleId} {f.Span} {f.Severity} {f.Message} [{string.Join(",", f.Parts.Select(p => $"{p.RuleId}{p.Span}"))}] "
            + string.Join("|", f.Suggestions.Select(s => $"{s.Span}:{s.Replacement}")))];
}
