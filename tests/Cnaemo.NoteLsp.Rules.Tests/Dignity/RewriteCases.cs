using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Tests.Shared;

namespace Cnaemo.NoteLsp.Rules.Tests.Dignity;

/// <summary>One suggestion applied to one sentence: the original, the finding and the rewritten sentence.</summary>
public sealed record RewriteCase(string Source, string Original, Finding Finding, Suggestion Suggestion, string Rewritten)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Finding.RuleId} « {Original} » → « {Rewritten} »";
}

/// <summary>
/// The sentences the rewrite tests run on: every "flag" example of a dignity rule, every line of the dignity fixtures, and every dev-corpus line
/// labelled with a dignity category. Each suggestion of each dignity finding is applied in turn.
/// </summary>
public static class RewriteCases
{
    private static readonly Lazy<List<RewriteCase>> Cases = new(Build);

    /// <summary>The engine with the built-in packs.</summary>
    public static RuleEngine Engine { get; } = RuleEngine.CreateDefault();

    /// <summary>Every case.</summary>
    public static IReadOnlyList<RewriteCase> All => Cases.Value;

    /// <summary>The sentences with their source, before any rewrite.</summary>
    public static IEnumerable<(string Source, string Text)> Sentences()
    {
        foreach (var rule in Engine.Catalog.Rules.Where(r => r.Category.Family() == RuleFamily.Dignity))
        {
            foreach (var text in rule.Examples.Flag)
            {
                yield return ($"example {rule.Id}", text);
            }
        }

        foreach (var fixture in Directory.EnumerateFiles(RepoPaths.InRepo("tests", "fixtures", "dignity"), "*.md").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(fixture))
            {
                var trimmed = line.TrimStart();
                if (trimmed.Length > 0 && !trimmed.StartsWith('^') && !trimmed.StartsWith('#') && !trimmed.StartsWith("<!--", StringComparison.Ordinal) && !line.StartsWith(' '))
                {
                    yield return ($"fixture {Path.GetFileName(fixture)}", line);
                }
            }
        }

        var corpus = RepoPaths.Shared("corpus", "dev.tsv");
        foreach (var line in File.ReadLines(corpus))
        {
            var columns = line.Split('\t', 3);
            if (line.StartsWith('#') || columns.Length < 3 || columns[1] == "-")
            {
                continue;
            }

            var categories = columns[1].Split(',', StringSplitOptions.TrimEntries);
            if (categories.Any(c => Categories.TryParse(c, out var category) && category.Family() == RuleFamily.Dignity))
            {
                yield return ($"corpus {columns[0]}", columns[2]);
            }
        }
    }

    /// <summary>The dignity findings a rewrite must answer: not hints, not unfilled placeholders.</summary>
    public static IEnumerable<Finding> RewritableFindings(string text) =>
        Engine.Lint(text).Where(f => f.Category.Family() == RuleFamily.Dignity && f.Category != Category.Placeholder && f.Severity != Severity.Hint);

    /// <summary>Applies a suggestion to the text.</summary>
    public static string Apply(string text, Finding finding, Suggestion suggestion) =>
        string.Concat(text.AsSpan(0, finding.Span.Start), suggestion.Replacement, text.AsSpan(finding.Span.End));

    private static List<RewriteCase> Build() => For(Sentences());

    /// <summary>Every suggestion of every dignity finding of <paramref name="sentences"/>, applied.</summary>
    public static List<RewriteCase> For(IEnumerable<(string Source, string Text)> sentences)
    {
        var cases = new List<RewriteCase>();
        foreach (var (source, text) in sentences)
        {
            foreach (var finding in RewritableFindings(text))
            {
                foreach (var suggestion in finding.Suggestions)
                {
                    cases.Add(new RewriteCase(source, text, finding, suggestion, Apply(text, finding, suggestion)));
                }
            }
        }

        return cases;
    }
}
