using Cnaemo.NoteLsp.Tests.Shared;
using System.Text.Json;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>The batch CLI as scripts and users see it: formats, exit codes and bad input.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private const string Flagged = "Contacter la mère au 0612345678.\n";
    private const string Clean = "La visite du 4 mars s'est déroulée dans le calme.\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_example_report_is_flagged_and_exits_1()
    {
        var result = CliRunner.Run(Cnaemo.NoteLsp.Tests.Shared.RepoPaths.Root, null, "check", "examples/rapport-exemple.md");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("examples/rapport-exemple.md:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[privacy.identifier.nir]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_format_gives_path_line_column_severity_rule_and_message_then_suggestions()
    {
        _folder.Write("note.txt", "Bonjour.\n" + Flagged);
        var result = CliRunner.Run(_folder.Path, null, "check", "note.txt");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("note.txt:2:22: warning [privacy.identifier.phone] Numéro de téléphone dans le texte.", lines[0]);
        Assert.Equal("    → [téléphone masqué]", lines[1]);
    }

    [Fact]
    public void Json_format_follows_the_version_1_contract()
    {
        _folder.Write("note.txt", "😀 " + Flagged);
        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "note.txt");
        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var file = Assert.Single(root.GetProperty("files").EnumerateArray());
        Assert.Equal("note.txt", file.GetProperty("path").GetString());
        var finding = Assert.Single(file.GetProperty("findings").EnumerateArray());
        // The fields of the first release, in their order; later ones are only ever appended (docs: README, JSON report).
        Assert.Equal(
            ["ruleId", "category", "severity", "line", "column", "endLine", "endColumn", "message", "suggestions", "suggestionDetails"],
            finding.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("privacy.identifier.phone", finding.GetProperty("ruleId").GetString());
        Assert.Equal("identifier", finding.GetProperty("category").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal(1, finding.GetProperty("line").GetInt32());
        // The emoji is two UTF-16 code units: 2 + 1 + 21 units come before the number, so it starts at column 25.
        Assert.Equal(25, finding.GetProperty("column").GetInt32());
        Assert.Equal(35, finding.GetProperty("endColumn").GetInt32());
        Assert.Equal("[téléphone masqué]", finding.GetProperty("suggestions")[0].GetString());
    }

    [Fact]
    public void Sarif_format_is_a_valid_2_1_0_log_with_utf16_columns()
    {
        _folder.Write("note.md", Flagged);
        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "sarif", "note.md");
        using var sarif = JsonDocument.Parse(result.Stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("notelsp", driver.GetProperty("name").GetString());
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("package.json")));
        Assert.Equal(manifest.RootElement.GetProperty("version").GetString(), driver.GetProperty("version").GetString());
        var region = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(22, region.GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void Clean_input_exits_0_and_says_so()
    {
        _folder.Write("note.txt", Clean);
        var result = CliRunner.Run(_folder.Path, null, "check", "note.txt");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Aucun signalement", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_sets_the_threshold_of_the_exit_code()
    {
        _folder.Write("note.txt", Flagged);
        Assert.Equal(0, CliRunner.Run(_folder.Path, null, "check", "--fail-on", "error", "note.txt").ExitCode);
        Assert.Equal(0, CliRunner.Run(_folder.Path, null, "check", "--fail-on", "none", "note.txt").ExitCode);
        Assert.Equal(1, CliRunner.Run(_folder.Path, null, "check", "--fail-on", "information", "note.txt").ExitCode);
    }

    [Fact]
    public void Disable_switches_off_a_rule_or_a_category()
    {
        _folder.Write("note.txt", Flagged);
        Assert.Equal(0, CliRunner.Run(_folder.Path, null, "check", "--disable", "privacy.identifier.phone", "note.txt").ExitCode);
        Assert.Equal(0, CliRunner.Run(_folder.Path, null, "check", "--disable", "identifier", "note.txt").ExitCode);
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var result = CliRunner.Run(_folder.Path, Flagged, "check", "--format", "json", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"path\": \"-\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_are_walked_recursively_for_txt_and_md_files_in_a_stable_order()
    {
        _folder.Write("dossier/b.md", Flagged);
        _folder.Write("dossier/sous/a.txt", Flagged);
        _folder.Write("dossier/ignore.pdf", Flagged);
        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "dossier");
        using var report = JsonDocument.Parse(result.Stdout);
        var paths = report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Equal(["dossier/b.md", "dossier/sous/a.txt"], paths);
    }

    [Fact]
    public void A_non_utf8_file_is_named_and_the_others_are_still_checked()
    {
        _folder.WriteBytes("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x0A]);
        _folder.Write("ok.txt", Flagged);
        var result = CliRunner.Run(_folder.Path, null, "check", "latin1.txt", "ok.txt");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("latin1.txt", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("UTF-8", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ok.txt:1:22:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var result = CliRunner.Run(_folder.Path, null, "check", "absent.txt");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.txt", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--format", "xml", "a.txt")]
    [InlineData("check", "--inconnue", "a.txt")]
    [InlineData("vérifier")]
    public void Usage_errors_exit_2(params string[] arguments)
    {
        var result = CliRunner.Run(_folder.Path, null, arguments);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }

    [Fact]
    public void An_invalid_custom_pack_is_reported_with_its_line()
    {
        _folder.Write("note.txt", Clean);
        _folder.Write("pack.yaml", "pack: maison\nrules:\n  - id: maison.x\n    category: inconnue\n");
        var result = CliRunner.Run(_folder.Path, null, "check", "--rules", "pack.yaml", "note.txt");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pack.yaml:3", result.Stderr, StringComparison.Ordinal);
    }
}
