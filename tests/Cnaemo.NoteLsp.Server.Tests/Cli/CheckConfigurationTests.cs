using System.Text.Json;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// One configuration for the editor and the CLI (issue #16): <c>notelsp check</c> follows the <c>.notelsp.json</c> of
/// each document's folder or of its nearest parent, or the <c>--config</c> file, and refuses names that designate no
/// rule, so that a typo never passes an audit silently.
/// </summary>
public sealed class CheckConfigurationTests : IDisposable
{
    private const string Note = "Contacter la mère au 0612345678. Mme X est agressive.\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<(string Rule, string Severity)> Findings(CliResult result)
    {
        using var report = JsonDocument.Parse(result.Stdout);
        return [.. report.RootElement.GetProperty("files").EnumerateArray()
            .SelectMany(f => f.GetProperty("findings").EnumerateArray())
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!))];
    }

    [Fact]
    public void A_rule_disabled_in_the_folders_file_is_not_reported_for_the_documents_below_it()
    {
        _folder.Write("service/.notelsp.json", """{ "rules": { "disabled": ["identifier"], "severity": { "dignity": "information" } } }""");
        _folder.Write("service/2026/note.md", Note);
        _folder.Write("ailleurs.md", Note);

        var below = Findings(CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", "service"));
        Assert.DoesNotContain(below, f => f.Rule.StartsWith("privacy.identifier", StringComparison.Ordinal));
        Assert.Contains(below, f => f.Rule == "dignity.essentialising.label" && f.Severity == "information");

        var outside = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", "ailleurs.md");
        Assert.Contains(Findings(outside), f => f.Rule == "privacy.identifier.phone");
        Assert.Contains(Findings(outside), f => f.Rule == "dignity.essentialising.label" && f.Severity == "warning");
    }

    [Fact]
    public void The_file_used_is_named_on_standard_error_and_no_config_reads_none()
    {
        _folder.Write(".notelsp.json", """{ "rules": { "disabled": ["identifier"] } }""");
        _folder.Write("note.md", Note);

        var withFile = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", "note.md");
        Assert.Contains(".notelsp.json", withFile.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Findings(withFile), f => f.Rule == "privacy.identifier.phone");

        var without = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", "--no-config", "note.md");
        Assert.Contains(Findings(without), f => f.Rule == "privacy.identifier.phone");
    }

    [Fact]
    public void A_config_file_given_on_the_command_line_applies_to_every_document()
    {
        _folder.Write("audit.json", """{ "rules": { "disabled": ["dignity"] } }""");
        _folder.Write("a/note.md", Note);
        _folder.Write("b/note.md", Note);

        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", "--config", "audit.json", "a", "b");
        var findings = Findings(result);
        Assert.Equal(2, findings.Count(f => f.Rule == "privacy.identifier.phone"));
        Assert.DoesNotContain(findings, f => f.Rule.StartsWith("dignity.", StringComparison.Ordinal));
    }

    [Fact]
    public void Severity_on_the_command_line_overrides_the_folders_file()
    {
        _folder.Write(".notelsp.json", """{ "rules": { "severity": { "privacy.identifier.phone": "hint" } } }""");
        _folder.Write("note.md", Note);

        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", "--severity", "identifier=error", "note.md");
        Assert.Contains(Findings(result), f => f.Rule == "privacy.identifier.phone" && f.Severity == "error");
    }

    [Theory]
    [InlineData("--disable", "dignity.typograhpy", "dignity.typography")]
    [InlineData("--disable", "helth", "health")]
    [InlineData("--severity", "privacy.identifier.phnoe=hint", "privacy.identifier.phone")]
    public void An_unknown_name_is_a_usage_error_that_names_the_closest_ones(string option, string value, string closest)
    {
        _folder.Write("note.md", Note);
        var result = CliRunner.Run(_folder.Path, null, "check", option, value, "note.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("inconnue", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(closest, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void An_unknown_name_in_the_folders_file_is_reported_and_the_run_exits_2()
    {
        _folder.Write(".notelsp.json", """{ "rules": { "disabled": ["identifer"] } }""");
        _folder.Write("note.md", Note);

        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "note.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("« identifer »", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("identifier", result.Stderr.Replace("« identifer »", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(Findings(result), f => f.Rule == "privacy.identifier.phone");
    }

    [Theory]
    [InlineData("""{ "rules": """, "JSON")]
    [InlineData("""{ "rules": { "disabled": ["identifier"] } }""", null)]
    public void A_config_file_that_cannot_be_used_is_a_usage_error(string text, string? reason)
    {
        _folder.Write("audit.json", text);
        _folder.Write("note.md", Note);
        var result = CliRunner.Run(_folder.Path, null, "check", "--config", reason is null ? "absent.json" : "audit.json", "note.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason ?? "introuvable", result.Stderr, StringComparison.Ordinal);
    }
}
