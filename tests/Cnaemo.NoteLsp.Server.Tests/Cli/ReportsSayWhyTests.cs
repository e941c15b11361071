using System.Text.Json;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// The reports say why (issue #16 parts 3 and 6): `--explain` in the text report, each rule's explanation and
/// references once in the JSON report, suggestions with their kind, and a SARIF run with the rule's help, the masks
/// as fixes and the unreadable inputs as notifications.
/// </summary>
public sealed class ReportsSayWhyTests : IDisposable
{
    // Two phone numbers in two paragraphs (two findings of one rule) and a label (another rule).
    private const string Note = "Tél. 06 12 34 56 78.\n\nMme X est agressive.\n\nOu le 06 12 34 56 79.\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Explain_gives_each_rule_s_why_advice_and_references_once()
    {
        _folder.Write("note.md", Note);
        var result = CliRunner.Run(_folder.Path, null, "check", "--explain", "note.md");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Single(lines, l => l.StartsWith("    Pourquoi [privacy.identifier.phone] : ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("    Pourquoi [dignity.essentialising.label] : ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    Référence : RGPD", StringComparison.Ordinal) && l.Contains(" — https://eur-lex.europa.eu/", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("    Conseil : ", StringComparison.Ordinal));
        // Without --explain the report stays short.
        Assert.DoesNotContain("Pourquoi", CliRunner.Run(_folder.Path, null, "check", "note.md").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_gives_each_rule_once_and_each_suggestion_with_its_kind()
    {
        _folder.Write("note.md", Note);
        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "note.md");
        using var report = JsonDocument.Parse(result.Stdout);
        var root = report.RootElement;

        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var rules = root.GetProperty("rules");
        Assert.Equal(["dignity.essentialising.label", "privacy.identifier.phone"], rules.EnumerateObject().Select(r => r.Name));
        var phone = rules.GetProperty("privacy.identifier.phone");
        Assert.Equal("identifier", phone.GetProperty("category").GetString());
        Assert.False(string.IsNullOrWhiteSpace(phone.GetProperty("explanation").GetString()));
        Assert.All(phone.GetProperty("references").EnumerateArray(), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("title").GetString()));
            Assert.StartsWith("https://", r.GetProperty("url").GetString(), StringComparison.Ordinal);
        });

        var finding = root.GetProperty("files")[0].GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "privacy.identifier.phone");
        var plain = finding.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()).ToList();
        var details = finding.GetProperty("suggestionDetails").EnumerateArray().ToList();
        Assert.Equal(plain, details.Select(d => d.GetProperty("text").GetString()));
        Assert.Equal("mask", details[0].GetProperty("kind").GetString());
        Assert.Equal("[téléphone masqué]", details[0].GetProperty("text").GetString());
        Assert.All(details, d => Assert.Contains(d.GetProperty("kind").GetString(), new[] { "rephrase", "mask", "remove" }));
    }

    [Fact]
    public void The_sarif_run_has_help_fixes_for_masks_only_and_a_notification_for_an_unreadable_input()
    {
        _folder.Write("note.md", Note);
        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "sarif", "note.md", "absent.md");
        Assert.Equal(2, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];

        var invocation = Assert.Single(run.GetProperty("invocations").EnumerateArray());
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("absent.md", notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());

        foreach (var rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
            Assert.StartsWith("**Pourquoi.** ", markdown, StringComparison.Ordinal);
            Assert.Contains("](https://", markdown, StringComparison.Ordinal);
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var phone = results.First(r => r.GetProperty("ruleId").GetString() == "privacy.identifier.phone");
        var replacement = phone.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Equal("[téléphone masqué]", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        var region = phone.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(region.EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())),
            replacement.GetProperty("deletedRegion").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        // A rephrasing is a person's choice, never a fix a tool applies.
        Assert.False(results.First(r => r.GetProperty("ruleId").GetString() == "dignity.essentialising.label").TryGetProperty("fixes", out _));
    }
}
