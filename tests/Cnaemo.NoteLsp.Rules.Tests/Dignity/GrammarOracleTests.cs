using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Rules.Tests.Dignity;

/// <summary>
/// Grammalecte, the French grammar checker (Debian package grammalecte-cli, installed by scripts/install-deps),
/// judges every rewrite: the rewritten sentence must have no grammar error and no unknown word that the original did
/// not have. A word counts as the writer's own when it stands in the original, whatever its case ("PERE" lower-cased
/// by the fix for capitals is the writer's spelling, not the rewrite's). Placeholders such as [date] are replaced by
/// a plain word first, since the writer will fill them. All sentences go to one grammalecte call, one per line,
/// because each call costs about two seconds.
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
            var original = lines[2 * k];
            var after = errors[2 * k + 1].Where(e => !IsTheWritersOwn(e, original)).ToList();
            var added = after.Where(e => after.Count(x => x.Rule == e.Rule) > before.Count(x => x.Rule == e.Rule)).ToList();
            if (added.Count > 0)
            {
                failures.Add($"{cases[k]}\n    checked as « {lines[2 * k + 1]} »\n    grammalecte: {string.Join(" | ", added)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} rewrites add grammar errors:\n{string.Join("\n", failures)}");
    }

    /// <summary>
    /// True for an error the rewrite did not make: an unknown word, or an error over several words, that stands in
    /// the original whatever its case.
    /// </summary>
    private static bool IsTheWritersOwn(GrammarError error, string original) =>
        (error.Spelling || error.Span.Trim().Contains(' ', StringComparison.Ordinal)) && error.Span.Trim().Length > 0
        && original.Contains(error.Span.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Replaces each placeholder by a plain word, as the writer would.</summary>
    public static string Plain(string text) => Placeholder().Replace(text, "Dupont");

    /// <summary>One error Grammalecte reports: its rule (or "spelling"), the words it covers and its message.</summary>
    private sealed record GrammarError(string Rule, string Span, string Message, bool Spelling)
    {
        public override string ToString() => $"{Rule} «{Span}»: {Message}";
    }

    private static List<List<GrammarError>> GrammarErrors(List<string> lines)
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
            var result = lines.Select(_ => new List<GrammarError>()).ToList();
            using var json = JsonDocument.Parse(output.Result);
            foreach (var paragraph in json.RootElement.GetProperty("data").EnumerateArray())
            {
                var index = paragraph.GetProperty("iParagraph").GetInt32() - 1;
                var line = lines[index];
                foreach (var error in paragraph.GetProperty("lGrammarErrors").EnumerateArray())
                {
                    var from = Math.Clamp(error.GetProperty("nStart").GetInt32(), 0, line.Length);
                    var to = Math.Clamp(error.GetProperty("nEnd").GetInt32(), from, line.Length);
                    result[index].Add(new GrammarError(error.GetProperty("sRuleId").GetString() ?? "", line[from..to], error.GetProperty("sMessage").GetString() ?? "", Spelling: false));
                }

                foreach (var error in paragraph.GetProperty("lSpellingErrors").EnumerateArray())
                {
                    var word = error.GetProperty("sValue").GetString() ?? "";
                    result[index].Add(new GrammarError("spelling", word, "mot inconnu", Spelling: true));
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
