using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Tests.Shared;

namespace Cnaemo.NoteLsp.Rules.Tests;

/// <summary>Runs every fixture document in tests/fixtures and compares its markers with the engine's findings.</summary>
public sealed class FixtureTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.InRepo("tests", "fixtures"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.InRepo("tests", "fixtures"), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_findings_match_its_markers(string fixture)
    {
        var (text, markers) = FixtureMarkers.Parse(File.ReadAllText(RepoPaths.InRepo("tests", "fixtures", fixture)));
        var format = fixture.EndsWith(".md", StringComparison.Ordinal) ? DocumentFormat.Markdown : DocumentFormat.PlainText;
        // The fixtures under grouped/ show what a writer sees, one finding per fact; the others mark every rule's
        // finding, which are the parts of the grouped findings.
        var findings = Engine.Lint(text, LintOptions.Default with { Format = format });
        if (!fixture.StartsWith("grouped", StringComparison.Ordinal))
        {
            findings = FindingGrouping.Ungroup(findings);
        }

        var problems = FixtureMarkers.Compare(text, markers, findings);
        Assert.True(problems.Count == 0, $"{fixture}:\n" + string.Join('\n', problems));
    }
}
