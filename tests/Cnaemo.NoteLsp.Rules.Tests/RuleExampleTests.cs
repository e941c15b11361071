using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests;

/// <summary>Every example written in a rule pack runs here: "flag" texts must raise the rule, "clean" texts must not.</summary>
public sealed class RuleExampleTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    // Each example tests its own rule, so it is read with every rule's finding on its own, not grouped by fact.
    private static readonly LintOptions EveryRule = LintOptions.Default with { GroupFindings = false };

    public static TheoryData<string, string> FlagExamples() => Examples(e => e.Flag);

    public static TheoryData<string, string> CleanExamples() => Examples(e => e.Clean);

    [Theory]
    [MemberData(nameof(FlagExamples))]
    public void Flag_example_raises_its_rule(string ruleId, string text)
    {
        // A rule declared as a hint (the unfilled placeholder) must raise its hint; any other rule must raise more.
        var declaredHint = Engine.Catalog.Rules.First(r => r.Id == ruleId).DefaultSeverity == Severity.Hint;
        var findings = Engine.Lint(text, EveryRule).Where(f => f.RuleId == ruleId && (declaredHint || f.Severity != Severity.Hint)).ToList();
        Assert.True(findings.Count > 0, $"{ruleId} did not flag: {text}");
    }

    [Theory]
    [MemberData(nameof(CleanExamples))]
    public void Clean_example_does_not_raise_its_rule(string ruleId, string text)
    {
        var findings = Engine.Lint(text, EveryRule).Where(f => f.RuleId == ruleId && f.Severity != Severity.Hint).ToList();
        Assert.True(findings.Count == 0, $"{ruleId} flagged a clean example: {text} at {string.Join(", ", findings.Select(f => f.Span))}");
    }

    private static TheoryData<string, string> Examples(Func<RuleExamples, IEnumerable<string>> select)
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in RuleCatalog.BuiltIn().Rules)
        {
            foreach (var text in select(rule.Examples))
            {
                data.Add(rule.Id, text);
            }
        }

        return data;
    }
}
