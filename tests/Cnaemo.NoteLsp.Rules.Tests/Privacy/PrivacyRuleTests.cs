using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests.Privacy;

/// <summary>What every privacy rule owes the user beyond the general meta-test, and how the third-party detector reasons.</summary>
public sealed class PrivacyRuleTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static readonly string[] OfficialHosts =
    [
        "https://eur-lex.europa.eu/", "https://www.legifrance.gouv.fr/", "https://www.cnil.fr/",
    ];

    public static TheoryData<string> PrivacyRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.BuiltIn().Rules.Where(r => r.Family == RuleFamily.Privacy))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    public static TheoryData<string> IdentifierRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.BuiltIn().Rules.Where(r => r.Category == Category.Identifier))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PrivacyRuleIds))]
    public void Privacy_rules_cite_an_article_on_an_official_site_and_say_when_the_data_may_be_written(string ruleId)
    {
        var rule = RuleCatalog.BuiltIn().Find(ruleId)!;
        Assert.All(rule.References, r => Assert.Contains(OfficialHosts, host => r.Url.StartsWith(host, StringComparison.Ordinal)));
        Assert.Contains(rule.References, r => r.Label.Contains("art.", StringComparison.Ordinal) || r.Label.Contains("CNIL", StringComparison.Ordinal));
        Assert.Matches("nécessaire|nécessité|exige", rule.Explanation);
    }

    [Theory]
    [MemberData(nameof(IdentifierRuleIds))]
    public void Identifier_rules_offer_a_readable_mask_and_deletion_for_fix_all(string ruleId)
    {
        var definition = RuleCatalog.BuiltIn().FindDefinition(ruleId)!;
        Assert.Matches(@"^\[.+ masquée?\]$", definition.Mask);
        Assert.True(definition.Removable);
        var finding = Assert.Single(Engine.Lint(definition.Descriptor.Examples.Flag[0]), f => f.RuleId == ruleId);
        Assert.Contains(finding.Suggestions, s => s.Kind == SuggestionKind.Mask && s.IsMechanical && s.Replacement == definition.Mask);
        Assert.Contains(finding.Suggestions, s => s.Kind == SuggestionKind.Remove && s.Replacement.Length == 0);
    }

    [Fact]
    public void A_third_party_is_flagged_alongside_the_special_category()
    {
        const string text = "Le grand-père maternel est atteint d'Alzheimer.";
        var findings = Engine.Lint(text);
        var thirdParty = Assert.Single(findings, f => f.Category == Category.ThirdParty);
        Assert.Equal("grand-père", text.Substring(thirdParty.Span.Start, thirdParty.Span.Length));
        Assert.Contains("grand-père", thirdParty.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Category == Category.Health);
    }

    [Fact]
    public void Switching_off_the_third_party_rule_leaves_the_special_category()
    {
        var options = LintOptions.Default with { DisabledCategories = new HashSet<Category> { Category.ThirdParty } };
        var findings = Engine.Lint("Le cousin est hospitalisé en psychiatrie.", options);
        Assert.DoesNotContain(findings, f => f.Category == Category.ThirdParty);
        Assert.Contains(findings, f => f.Category == Category.Health);
    }

    [Fact]
    public void Switching_off_the_special_category_still_flags_the_third_party()
    {
        // An EHPAD may switch health off because it records its residents' care; a relative's illness is still a
        // third party's private life.
        const string text = "Le grand-père maternel est atteint d'Alzheimer.";
        var options = LintOptions.Default with { DisabledCategories = new HashSet<Category> { Category.Health } };
        var findings = Engine.Lint(text, options);
        Assert.DoesNotContain(findings, f => f.Category == Category.Health);
        var thirdParty = Assert.Single(findings, f => f.Category == Category.ThirdParty);
        Assert.Equal(Engine.Lint(text).Single(f => f.Category == Category.ThirdParty), thirdParty);
    }

    [Fact]
    public void Switching_off_one_special_category_rule_still_flags_the_third_party()
    {
        const string text = "Le cousin est hospitalisé en psychiatrie.";
        var healthRules = Engine.Lint(text).Where(f => f.Category == Category.Health).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(healthRules);
        var findings = Engine.Lint(text, LintOptions.Default with { DisabledRules = healthRules });
        Assert.DoesNotContain(findings, f => f.Category == Category.Health);
        Assert.Contains(findings, f => f.Category == Category.ThirdParty);
    }

    [Theory]
    [InlineData("Madame vit chez sa sœur depuis son divorce.")]
    [InlineData("L'enfant joue avec son cousin ; il est au chômage.")]
    public void A_third_party_named_only_as_a_complement_is_not_the_subject_of_the_fact(string text) =>
        Assert.DoesNotContain(Engine.Lint(text), f => f.Category == Category.ThirdParty);

    [Fact]
    public void A_special_category_lowered_to_a_hint_does_not_make_a_third_party_finding()
    {
        var options = LintOptions.Default with
        {
            SeverityOverrides = new Dictionary<string, Severity> { ["privacy.criminal.procedure"] = Severity.Hint },
        };
        var findings = Engine.Lint("Son oncle a été condamné.", options);
        Assert.DoesNotContain(findings, f => f.Category == Category.ThirdParty);
        Assert.Contains(findings, f => f.Category == Category.Criminal && f.Severity == Severity.Hint);
    }

    [Theory]
    [InlineData("Le père n'a pas respecté son contrôle judiciaire.")]
    [InlineData("Il ne prend plus son traitement depuis mai.")]
    [InlineData("L'adolescente a dit : « Je suis enceinte. »")]
    public void Negation_and_quoted_speech_do_not_hide_a_special_category(string text) =>
        Assert.Contains(Engine.Lint(text), f => f.Rule.Family == RuleFamily.Privacy && f.Severity != Severity.Hint);

    [Fact]
    public void The_third_party_detector_refuses_a_rule_without_its_word_lists()
    {
        const string yaml = """
            pack: x
            rules:
              - id: custom.tiers
                category: third-party
                severity: warning
                message: m
                explanation: e
                references: [{ label: l, url: "https://www.cnil.fr/" }]
                code: third-party
                parameters:
                  facts: [divorce]
            """;
        var pack = RulePackLoader.Load("custom.yaml", yaml);
        var error = Assert.Throws<RulePackException>(() => RuleCatalog.FromPacks([pack]));
        Assert.Contains("persons", error.Message, StringComparison.Ordinal);
    }
}
