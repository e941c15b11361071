using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// <c>--format html</c> (issue #16 part 5): the page's figures are the JSON report's, everything from a document is
/// escaped, privacy mode never shows a flagged word and <c>--show-excerpts</c> does.
/// </summary>
public sealed partial class HtmlReportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public HtmlReportTests()
    {
        _folder.Write("équipe-a/note-1.md", "Mme X. est agressive. Tél. 06 12 34 56 78.\n\nLa mère est dépressive et ne s'occupe plus de rien.\n");
        _folder.Write("équipe-a/note-2.txt", "Entretien avec M. Y. le 3 mars.\n\nIl paraît que le père boit beaucoup le week-end.\n");
        _folder.Write("équipe-b/note-3.md", "Contact : jeanne.dupont@exemple.fr ou 06 98 76 54 32.\n\nRien à signaler sur la scolarité.\n");
        _folder.Write("équipe-b/vide.md", "Visite au domicile, échange cordial avec la famille.\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_page_s_figures_are_those_of_the_json_report()
    {
        var json = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", ".");
        var html = CliRunner.Run(_folder.Path, null, "check", "--format", "html", "--fail-on", "none", ".");
        Assert.Equal(0, html.ExitCode);
        using var report = JsonDocument.Parse(json.Stdout);
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToList();
        var findings = files.SelectMany(f => f.GetProperty("findings").EnumerateArray().Select(x => (File: f.GetProperty("path").GetString()!, Finding: x))).ToList();
        Assert.True(findings.Count >= 6, $"the fixture should give several findings, got {findings.Count}");

        var page = html.Stdout;
        Assert.Equal(files.Count, Figure(page, "documents"));
        Assert.Equal(files.Count(f => f.GetProperty("findings").GetArrayLength() > 0), Figure(page, "documents-with-findings"));
        Assert.Equal(findings.Count, Figure(page, "findings"));
        Assert.Equal(0, Figure(page, "failed"));
        Assert.Equal(Counts(findings, f => f.Finding.GetProperty("category").GetString()!), TableCounts(page, "by-category"));
        Assert.Equal(Counts(findings, f => f.Finding.GetProperty("ruleId").GetString()!), TableCounts(page, "by-rule"));
        Assert.Equal(Counts(findings, f => Path.GetDirectoryName(f.File)!), TableCounts(page, "by-folder"));
        Assert.Equal(findings.Count, FindingRows().Matches(page).Count);

        // The chart by category draws the same figures as the table.
        var bars = ChartBars().Matches(page).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Counts(findings, f => f.Finding.GetProperty("category").GetString()!), bars);

        // Every rule that fired is explained, with its references linked.
        foreach (var rule in report.RootElement.GetProperty("rules").EnumerateObject())
        {
            Assert.Contains($"id=\"rule-{rule.Name}\"", page, StringComparison.Ordinal);
            foreach (var reference in rule.Value.GetProperty("references").EnumerateArray())
            {
                Assert.Contains($"href=\"{reference.GetProperty("url").GetString()!.Replace("&", "&amp;", StringComparison.Ordinal)}\"", page, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_page_is_self_contained_and_forbids_every_request()
    {
        var page = CliRunner.Run(_folder.Path, null, "check", "--format", "html", "--fail-on", "none", ".").Stdout;
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\"", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script[^>]*\ssrc=|<link\b|<img\b|@import|url\(", page);
        Assert.Single(Regex.Matches(page, "<script>"));
    }

    [Fact]
    public void Text_from_a_document_and_its_path_is_escaped()
    {
        _folder.Write("<b>piège</b>.md", "<script>alert('x')</script> Tél. 06 11 22 33 44 <img src=x onerror=alert(1)> & \"fin\".\n");
        foreach (var mode in new[] { "--no-config", "--show-excerpts" })
        {
            var page = CliRunner.Run(_folder.Path, null, "check", "--format", "html", mode, "--fail-on", "none", "<b>piège</b>.md").Stdout;
            Assert.Single(Regex.Matches(page, "<script>"));
            Assert.DoesNotContain("alert('x')", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>piège", page, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;piège&lt;/b&gt;.md", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Privacy_mode_shows_no_flagged_word_and_show_excerpts_shows_them()
    {
        var json = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", ".");
        using var report = JsonDocument.Parse(json.Stdout);
        var flagged = new List<string>();
        foreach (var file in report.RootElement.GetProperty("files").EnumerateArray())
        {
            var lines = File.ReadAllLines(Path.Combine(_folder.Path, file.GetProperty("path").GetString()!));
            foreach (var finding in file.GetProperty("findings").EnumerateArray())
            {
                Assert.Equal(finding.GetProperty("line").GetInt32(), finding.GetProperty("endLine").GetInt32());
                var line = lines[finding.GetProperty("line").GetInt32() - 1];
                var start = finding.GetProperty("column").GetInt32() - 1;
                flagged.Add(line[start..(finding.GetProperty("endColumn").GetInt32() - 1)]);
            }
        }

        Assert.Contains("06 12 34 56 78", flagged);
        var masked = CliRunner.Run(_folder.Path, null, "check", "--format", "html", "--fail-on", "none", ".").Stdout;
        // The rules' own explanations are the packs' text, not a document's: a flagged word may be an example there.
        var withoutRules = masked[..masked.IndexOf("<section id=\"rules\">", StringComparison.Ordinal)];
        Assert.All(flagged, words => Assert.DoesNotContain(words, withoutRules, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("« ••• »", withoutRules, StringComparison.Ordinal);
        Assert.Contains("data-mode=\"masked\"", masked, StringComparison.Ordinal);
        // The context around a finding is kept, cut short: the line's unflagged words still show.
        Assert.Contains("ne s&#39;occupe plus de rien", withoutRules, StringComparison.Ordinal);

        var shown = CliRunner.Run(_folder.Path, null, "check", "--format", "html", "--show-excerpts", "--fail-on", "none", ".").Stdout;
        Assert.Contains("data-mode=\"shown\"", shown, StringComparison.Ordinal);
        Assert.All(flagged, words => Assert.Contains($"<mark>{words.Replace("'", "&#39;", StringComparison.Ordinal)}</mark>", shown, StringComparison.Ordinal));
    }

    [Fact]
    public void Show_excerpts_with_another_format_is_said_to_be_ignored()
    {
        var result = CliRunner.Run(_folder.Path, null, "check", "--show-excerpts", "--format", "json", "--fail-on", "none", "équipe-b/vide.md");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--show-excerpts ne concerne que le rapport html (--format html) : ignoré.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_input_is_listed_and_counted()
    {
        _folder.WriteBytes("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A]);
        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "html", "--fail-on", "none", "latin1.txt", "équipe-b/vide.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(1, Figure(result.Stdout, "failed"));
        Assert.Equal(1, Figure(result.Stdout, "documents"));
        Assert.Contains("<code>latin1.txt</code> : le fichier n&#39;est pas encodé en UTF-8", result.Stdout, StringComparison.Ordinal);
    }

    private static int Figure(string page, string id)
    {
        var match = Regex.Match(page, $"data-figure=\"{id}\">(\\d+)<");
        Assert.True(match.Success, $"figure {id} missing");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, int> Counts<T>(IEnumerable<T> items, Func<T, string> key) =>
        items.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> TableCounts(string page, string id)
    {
        var start = page.IndexOf($"<table id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"table {id} missing");
        var table = page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        return CountRows().Matches(table).ToDictionary(
            m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<tr data-key=\"([^\"]*)\" data-count=\"(\\d+)\">")]
    private static partial Regex CountRows();

    [GeneratedRegex("<tr data-file=")]
    private static partial Regex FindingRows();

    [GeneratedRegex("<g class=\"bar (?:privacy|dignity)\" data-key=\"([^\"]*)\" data-count=\"(\\d+)\">")]
    private static partial Regex ChartBars();
}
