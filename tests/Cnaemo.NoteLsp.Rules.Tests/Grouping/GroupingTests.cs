using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests.Grouping;

/// <summary>
/// One fact, one finding (issue #19): the sentences of the issue, each with the single finding a writer should see,
/// and what that finding keeps of the rules behind it.
/// </summary>
public sealed class GroupingTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static List<Finding> Warnings(string text, bool group = true) =>
        [.. Engine.Lint(text, LintOptions.Default with { GroupFindings = group }).Where(f => f.Severity != Severity.Hint)];

    [Fact]
    public void A_detention_its_sentence_and_the_offence_are_one_criminal_finding()
    {
        const string text = "Le père est incarcéré depuis sa condamnation pour vol.";
        var findings = Warnings(text);

        // The father is a third party: his record is one criminal finding, and one third-party finding on him.
        Assert.Equal([Category.ThirdParty, Category.Criminal], findings.Select(f => f.Category));
        var finding = findings[1];
        Assert.Equal(["privacy.criminal.detention", "privacy.criminal.procedure", "privacy.criminal.offence"], finding.Parts.Select(p => p.RuleId));
        Assert.StartsWith("Données pénales : « incarcéré », « condamnation », « pour vol »", finding.Message, StringComparison.Ordinal);
        Assert.Equal("incarcéré depuis sa condamnation pour vol", text.Substring(finding.Span.Start, finding.Span.Length));
        Assert.Equal(4, Warnings(text, group: false).Count);
    }

    [Fact]
    public void A_diagnosis_a_psychiatrist_gives_is_one_health_finding_that_asks_whether_the_reader_needs_it()
    {
        var findings = Engine.Lint("Le psychiatre indique que la mère est dépressive.");
        var finding = Assert.Single(findings, f => f.Category != Category.ThirdParty);
        Assert.Equal(Category.Health, finding.Category);
        Assert.Equal(2, finding.Parts.Count);
        Assert.Contains("art. 9, § 2, h", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ce lecteur doit-il la connaître", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.HasRule("dignity.lay-diagnosis.label"));
    }

    [Theory]
    [InlineData("Selon le compte rendu du Dr Martin, la mère est dépressive.")]
    [InlineData("D'après le certificat médical, l'enfant est autiste.")]
    [InlineData("La mère est dépressive, selon le psychiatre du CMP.")]
    public void A_diagnosis_from_a_clinician_or_a_document_is_no_lay_diagnosis(string text)
    {
        var findings = Engine.Lint(text);
        Assert.DoesNotContain(findings, f => f.Category == Category.LayDiagnosis);
        Assert.Contains(findings, f => f.Category == Category.Health && f.Message.Contains("art. 9, § 2, h", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("La mère est dépressive.")]
    [InlineData("Le père dit que la mère est dépressive.")]
    public void A_diagnosis_without_a_clinician_stays_a_lay_diagnosis(string text) =>
        Assert.Contains(Engine.Lint(text), f => f.Category == Category.LayDiagnosis);

    [Fact]
    public void Two_facts_about_two_people_stay_two_findings()
    {
        var health = Warnings("La mère est dépressive et le père boit depuis des années.").Where(f => f.Category == Category.Health).ToList();
        Assert.Equal(2, health.Count);
        Assert.All(health, f => Assert.False(f.IsGrouped));
    }

    [Fact]
    public void Two_categories_are_never_merged()
    {
        var findings = Warnings("La voisine de Mme Dupont, joignable au 06 12 34 56 78, est alcoolique.");
        Assert.Contains(findings, f => f.Category == Category.Identifier);
        Assert.Contains(findings, f => f.Category == Category.ThirdParty);
        Assert.All(findings, f => Assert.All(f.Parts, p => Assert.Equal(f.Category, p.Category)));
    }

    [Fact]
    public void A_part_rewrite_replaces_the_part_only_and_a_mask_stays_mechanical()
    {
        const string text = "Il est violent et agressif, toujours violent et agressif.";
        foreach (var finding in Engine.Lint(text).Where(f => f.IsGrouped))
        {
            foreach (var suggestion in finding.Suggestions)
            {
                var target = suggestion.Target(finding.Span);
                Assert.True(finding.Span.Contains(target));
                Assert.True(suggestion.Span is null || finding.Parts.Any(p => p.Span == target), "a part's rewrite names that part's words");
            }
        }
    }

    [Fact]
    public void A_directive_that_names_one_rule_leaves_the_other_parts()
    {
        const string text = "// notelsp-disable-next-line privacy.criminal.offence\nLe père est incarcéré depuis sa condamnation pour vol.";
        var finding = Assert.Single(Warnings(text), f => f.Category == Category.Criminal);
        Assert.Equal(["privacy.criminal.detention", "privacy.criminal.procedure"], finding.Parts.Select(p => p.RuleId));
        Assert.DoesNotContain("vol", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grouping_off_gives_every_rule_and_on_gives_the_same_rules_as_parts()
    {
        const string text = "Le père est incarcéré depuis sa condamnation pour vol. Le psychiatre indique que la mère est dépressive.";
        var every = Engine.Lint(text, LintOptions.Default with { GroupFindings = false });
        Assert.All(every, f => Assert.False(f.IsGrouped));
        var parts = FindingGrouping.Ungroup(Engine.Lint(text));
        Assert.Equal(every.Select(f => (f.RuleId, f.Span, f.Severity)), parts.Select(f => (f.RuleId, f.Span, f.Severity)));
    }
}
