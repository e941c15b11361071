using System.Text.Json;
using Cnaemo.NoteLsp.Tests.Shared;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// One fact, one finding in the CLI (issue #19): the totals count things to fix, the text and JSON reports show each
/// rule behind a grouped finding, and <c>--every-rule</c> or <c>"groupFindings": false</c> gives every rule's own.
/// </summary>
public sealed class GroupedFindingsTests : IDisposable
{
    private const string Note = "Il est incarcéré depuis sa condamnation pour vol.\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_text_report_counts_things_to_fix_and_lists_the_parts()
    {
        _folder.Write("note.txt", Note);
        var result = CliRunner.Run(_folder.Path, null, "check", "note.txt");
        var lines = result.Stdout.Split('\n');
        Assert.Equal("note.txt:1:8: warning [privacy.criminal.detention] Données pénales : « incarcéré », « condamnation », « pour vol ».", lines[0]);
        Assert.Equal("    · 1:8 [privacy.criminal.detention] « incarcéré »", lines[1]);
        Assert.Equal("    · 1:41 [privacy.criminal.offence] « pour vol »", lines[3]);
        Assert.Contains("1 chose(s) à revoir dans 1 document(s) sur 1 (3 règles déclenchées", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_gives_each_part()
    {
        _folder.Write("note.txt", Note);
        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "note.txt");
        var finding = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("files")[0].GetProperty("findings").EnumerateArray());
        var parts = finding.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(["privacy.criminal.detention", "privacy.criminal.procedure", "privacy.criminal.offence"], parts.Select(p => p.GetProperty("ruleId").GetString()));
        Assert.Equal(41, parts[2].GetProperty("column").GetInt32());
    }

    [Fact]
    public void Every_rule_gives_each_rule_its_own_finding()
    {
        _folder.Write("note.txt", Note);
        var result = CliRunner.Run(_folder.Path, null, "check", "--every-rule", "--format", "json", "note.txt");
        var findings = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("files")[0].GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.False(f.TryGetProperty("parts", out _)));
        Assert.Contains("3 chose(s) à revoir dans 1 document(s) sur 1.", CliRunner.Run(_folder.Path, null, "check", "--every-rule", "note.txt").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_folder_file_can_turn_grouping_off_as_in_the_editor()
    {
        _folder.Write("note.txt", Note);
        _folder.Write(".notelsp.json", "{ \"groupFindings\": false }");
        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "note.txt");
        Assert.Equal(3, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("files")[0].GetProperty("findings").GetArrayLength());
    }
}
