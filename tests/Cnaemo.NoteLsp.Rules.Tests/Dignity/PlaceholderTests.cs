using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Rules.Tests.Dignity;

/// <summary>
/// The rule dignity.placeholder.unfilled is narrowed so that code, option syntax and citations in brackets are not
/// taken for gaps. These tests keep it from being narrowed too far: every gap the product's own rephrasings leave
/// ("[date]", "[décrire les faits observés]", "[préciser qui l’a dit, et quand]"…) must still be reported once the
/// rephrasing is applied, or a writer could hand over a report with a gap nobody pointed out.
/// </summary>
public sealed partial class PlaceholderTests
{
    private const string RuleId = "dignity.placeholder.unfilled";

    [Fact]
    public void Every_gap_a_rephrasing_leaves_is_reported()
    {
        var missed = new List<string>();
        var gapsSeen = 0;
        foreach (var rewrite in RewriteCases.All)
        {
            var reported = RewriteCases.Engine.Lint(rewrite.Rewritten).Where(f => f.RuleId == RuleId).Select(f => f.Span.Start).ToHashSet();
            foreach (Match gap in Gap().Matches(rewrite.Rewritten))
            {
                gapsSeen++;
                if (!reported.Contains(gap.Index))
                {
                    missed.Add($"{gap.Value} in « {rewrite.Rewritten} » ({rewrite.Source})");
                }
            }
        }

        // The rephrasings must leave gaps at all, or this test would check nothing.
        Assert.True(gapsSeen > 100, $"only {gapsSeen} gaps found in the rephrasings");
        Assert.True(missed.Count == 0, $"{missed.Count} gaps not reported:\n" + string.Join('\n', missed.Distinct().Take(20)));
    }

    // Any bracketed text a rephrasing inserts, masks aside ("[NIR masqué]" is deliberate and never reported).
    [GeneratedRegex(@"\[(?![^\[\]\n]*masqu)[^\[\]\n]+\]")]
    private static partial Regex Gap();
}
