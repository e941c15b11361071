using System.Text.RegularExpressions;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;

namespace Cnaemo.NoteLsp.Rules.Tests;

/// <summary>
/// The built-in packs are loaded without compiling their patterns (the detectors compile each one when a block
/// first needs it), so this is where a pattern or antipattern that the non-backtracking engine refuses fails: in
/// the build, not in a user's editor. Custom packs are still checked at load, antipatterns included.
/// </summary>
public sealed class BuiltInPatternTests
{
    public static TheoryData<string> PatternRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var definition in RuleCatalog.BuiltIn().Definitions.Where(d => d.Matcher is PatternMatcher))
        {
            data.Add(definition.Descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PatternRuleIds))]
    public void Pattern_and_antipatterns_compile_without_backtracking(string ruleId)
    {
        var matcher = (PatternMatcher)RuleCatalog.BuiltIn().FindDefinition(ruleId)!.Matcher;
        foreach (var pattern in matcher.Antipatterns.Prepend(matcher.Pattern))
        {
            var regex = PatternCompiler.Compile(pattern);
            Assert.True((regex.Options & RegexOptions.NonBacktracking) != 0, pattern);
        }
    }

    [Fact]
    public void A_custom_antipattern_that_needs_backtracking_is_refused_at_load()
    {
        const string yaml = """
            pack: x
            rules:
              - id: custom.antipattern
                category: judgement
                severity: warning
                message: m
                explanation: e
                references: [{ label: l, url: "https://exemple.fr" }]
                pattern: 'b+'
                antipatterns: [ '(?<=a)b' ]
            """;
        var error = Assert.Throws<RulePackException>(() => RulePackLoader.Load("custom.yaml", yaml));
        Assert.Contains("custom.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains("antipattern cannot be compiled without backtracking", error.Message, StringComparison.Ordinal);
    }
}
