using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Rules.Tests.Dignity;

/// <summary>
/// Grammalecte, the French grammar checker (Debian package grammalecte-cli, installed by scripts/install-deps),
/// judges every rewrite: the rewritten sentence must not have more grammar errors than the original. Placeholders
/// such as [date] are replaced by a plain word first, since the writer will fill them. All sentences go to one
/// grammalecte call, one per line, because each call costs about two seconds.
/// </summary>
public sealed partial class GrammarOracleTests
{
    [Fact]
    public void No_rewrite_of_an_example_or_corpus_line_adds_a_grammar_error() => Check(RewriteCases.All);

    [Fact]
    public void No_rewrite_of_a_lexicon_word_adds_a_grammar_error() =>
        Check(RewriteCases.For(LexiconRewriteTests.Sentences().Select(row => ("lexicon " + (string)row[0], (string)row[1]))));

    private static void Check(IReadOnlyList<RewriteCase> cases)
    {
        Assert.True(cases.Count > 50, $"only {cases.Count} rewrites to check");
        var lines = new List<string>(cases.Count * 2);
        foreach (var rewrite in cases)
        {
            lines.Add(Plain(rewrite.Original));
            lines.Add(Plain(rewrite.Rewritten));
        }

        var errors = GrammarErrors(lines);
        var failures = new List<string>();
        for (var k = 0; k < cases.Count; k++)
        {
            var before = errors[2 * k];
            var after = errors[2 * k + 1];
            if (after.Count > before.Count)
            {
                failures.Add($"{cases[k]}\n    checked as « {lines[2 * k + 1]} »\n    grammalecte: {string.Join(" | ", after)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} rewrites add grammar errors:\n{string.Join("\n", failures)}");
    }

    /// <summary>Replaces each placeholder by a plain word, as the writer would.</summary>
    public static string Plain(string text) => Placeholder().Replace(text, "Dupont");

    private static List<List<string>> GrammarErrors(List<string> lines)
    {
        var file = Path.Combine(Path.GetTempPath(), $"notelsp-grammar-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(file, string.Join('\n', lines) + "\n");
            var start = new ProcessStartInfo("grammalecte-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(file);
            start.ArgumentList.Add("-j");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("grammalecte-cli did not start; run scripts/install-deps");
            var output = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"grammalecte-cli failed: {stderr}");
            var result = lines.Select(_ => new List<string>()).ToList();
            using var json = JsonDocument.Parse(output.Result);
            foreach (var paragraph in json.RootElement.GetProperty("data").EnumerateArray())
            {
                var index = paragraph.GetProperty("iParagraph").GetInt32() - 1;
                foreach (var error in paragraph.GetProperty("lGrammarErrors").EnumerateArray())
                {
                    result[index].Add($"{error.GetProperty("sRuleId").GetString()}: {error.GetProperty("sMessage").GetString()}");
                }
            }

            return result;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\[[^\[\]\n]*\]")]
    private static partial Regex Placeholder();
}
