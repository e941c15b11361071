using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests;

/// <summary>
/// The build fails when a rule lacks what a user needs to trust it: a message, an explanation, a reference with an
/// https link, and examples of both kinds.
/// </summary>
public sealed class RuleMetaTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.BuiltIn().Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Built_in_packs_load_and_cover_both_families()
    {
        var rules = RuleCatalog.BuiltIn().Rules.ToList();
        Assert.Contains(rules, r => r.Family == RuleFamily.Privacy);
        Assert.Contains(rules, r => r.Family == RuleFamily.Dignity);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_documented_and_has_examples(string ruleId)
    {
        var rule = RuleCatalog.BuiltIn().Find(ruleId)!;
        Assert.False(string.IsNullOrWhiteSpace(rule.Message), "message");
        Assert.True(rule.Explanation.Length >= 80, $"{ruleId}: the explanation must say why, in full sentences");
        Assert.NotEmpty(rule.References);
        Assert.All(rule.References, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Label));
            Assert.StartsWith("https://", r.Url, StringComparison.Ordinal);
        });
        Assert.True(rule.Examples.Flag.Count > 0, $"{ruleId}: no example that must flag");
        Assert.True(rule.Examples.Clean.Count > 0, $"{ruleId}: no example that must stay clean");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_id_starts_with_its_family(string ruleId)
    {
        var rule = RuleCatalog.BuiltIn().Find(ruleId)!;
        var family = rule.Family == RuleFamily.Privacy ? "privacy." : "dignity.";
        Assert.StartsWith(family, ruleId, StringComparison.Ordinal);
    }
}
