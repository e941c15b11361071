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
/// The sentences the rewrite tests run on: every "flag" example of every rule, every line of the dignity fixtures, and
/// every labelled line of the corpora (the shared dev corpus, the server tests' corpora, and tests/corpus/dev.tsv when
/// present; never a held-out file). Each rephrasing of each finding is applied in turn; masks and removals are
/// mechanical and not rewrites.
/// </summary>
public static class RewriteCases
{
    private static readonly Lazy<List<RewriteCase>> Cases = new(Build);

    /// <summary>The engine with the built-in packs.</summary>
    public static RuleEngine Engine { get; } = RuleEngine.CreateDefault();

    /// <summary>
    /// Options that keep every rule's finding apart (no grouping): the frame tests check what each rule's own rewrite
    /// generator offers; grouped findings, which gather their parts' suggestions, are tested in the grouping tests.
    /// </summary>
    public static LintOptions EveryRule { get; } = LintOptions.Default with { GroupFindings = false };

    /// <summary>Every case.</summary>
    public static IReadOnlyList<RewriteCase> All => Cases.Value;

    /// <summary>The sentences with their source, before any rewrite.</summary>
    public static IEnumerable<(string Source, string Text)> Sentences()
    {
        foreach (var rule in Engine.Catalog.Rules)
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

        foreach (var corpus in Corpora())
        {
            foreach (var line in File.ReadLines(corpus))
            {
                var columns = line.Split('\t', 3);
                if (line.StartsWith('#') || columns.Length < 3 || columns[1] == "-")
                {
                    continue;
                }

                yield return ($"corpus {Path.GetFileName(corpus)} {columns[0]}", columns[2]);
            }
        }
    }

    /// <summary>The labelled corpora; held-out files are never read.</summary>
    private static IEnumerable<string> Corpora()
    {
        yield return RepoPaths.Shared("corpus", "dev.tsv");

        // The faults issue #13 lists, one sentence each, written for these tests (not a corpus of real text).
        yield return RepoPaths.InRepo("tests", "Cnaemo.NoteLsp.Rules.Tests", "Dignity", "rewrite-faults.tsv");
        foreach (var folder in new[] { RepoPaths.InRepo("tests", "Cnaemo.NoteLsp.Server.Tests", "Corpus"), RepoPaths.InRepo("tests", "corpus") })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
            {
                // The corpus folder also holds its sources, split and floors, which are not labelled lines.
                var name = Path.GetFileName(file);
                if (!name.Contains("holdout", StringComparison.OrdinalIgnoreCase) && name is not ("sources.tsv" or "split.tsv" or "floor.tsv"))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The findings a rewrite must answer: every rule's, not hints, not unfilled placeholders.</summary>
    public static IEnumerable<Finding> RewritableFindings(string text) =>
        Engine.Lint(text, LintOptions.Default with { GroupFindings = false }).Where(f => f.Category != Category.Placeholder && f.Severity != Severity.Hint);

    /// <summary>Applies a suggestion to the text.</summary>
    public static string Apply(string text, Finding finding, Suggestion suggestion) =>
        string.Concat(text.AsSpan(0, suggestion.Target(finding.Span).Start), suggestion.Replacement, text.AsSpan(suggestion.Target(finding.Span).End));

    private static List<RewriteCase> Build() => For(Sentences());

    /// <summary>Every rephrasing of every finding of <paramref name="sentences"/>, applied.</summary>
    public static List<RewriteCase> For(IEnumerable<(string Source, string Text)> sentences)
    {
        var cases = new List<RewriteCase>();
        foreach (var (source, text) in sentences)
        {
            foreach (var finding in RewritableFindings(text))
            {
                foreach (var suggestion in finding.Suggestions.Where(s => s.Kind == SuggestionKind.Rephrase))
                {
                    cases.Add(new RewriteCase(source, text, finding, suggestion, Apply(text, finding, suggestion)));
                }
            }
        }

        return cases;
    }
}
