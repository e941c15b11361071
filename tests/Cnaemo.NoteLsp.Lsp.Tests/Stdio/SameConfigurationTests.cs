using Cnaemo.NoteLsp.Tests.Shared;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>
/// One configuration for the editor and the CLI (issue #16): the same <c>.notelsp.json</c> gives the same findings, at
/// the same places and severities, in the language server and in <c>notelsp check</c>, so that an audit reports what the
/// writer saw.
/// </summary>
public sealed class SameConfigurationTests : IDisposable
{
    private const string Report = """
        Le 3 mars, la mère (0612345678, anne.martin@example.org) indique que son fils est suivi au CMP.
        M. X est agressif et manipulateur !!!
        Le père serait alcoolique selon les voisins.
        """;

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("notelsp-sameconfig-");

    public void Dispose() => _workspace.Delete(recursive: true);

    [Theory]
    [InlineData("""{ "rules": { "disabled": ["identifier", "dignity.typography"], "severity": { "dignity": "information", "health": "error" } } }""")]
    [InlineData("""{ "rules": { "disabled": ["privacy"] } }""")]
    [InlineData("""{ }""")]
    public async Task The_server_and_the_cli_report_the_same_findings_under_the_same_file(string settings)
    {
        await File.WriteAllTextAsync(Path.Combine(_workspace.FullName, ".notelsp.json"), settings);
        var notePath = Path.Combine(_workspace.FullName, "note.md");
        await File.WriteAllTextAsync(notePath, Report);

        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings(), rootUri: new Uri(_workspace.FullName + "/").AbsoluteUri);
        var uri = new Uri(notePath).AbsoluteUri;
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Report));
        var fromServer = (await server.WaitForDiagnosticsAsync(uri, 1))
            .Select(d => (
                d.GetProperty("code").GetString()!,
                d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1,
                d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32() + 1,
                Severity(d.GetProperty("severity").GetInt32())))
            .Where(d => d.Item4 != "hint")
            .Order().ToList();

        var fromCli = Check("note.md").Where(d => d.Item4 != "hint").Order().ToList();

        Assert.NotEmpty(fromCli);
        Assert.Equal(fromCli, fromServer);
    }

    private static string Severity(int lsp) => lsp switch
    {
        1 => "error",
        2 => "warning",
        3 => "information",
        _ => "hint",
    };

    private List<(string, int, int, string)> Check(string file)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workspace.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(RepoPaths.InRepo("server", "bin", configuration, "net10.0", "notelsp.dll"));
        foreach (var argument in new[] { "check", "--format", "json", "--fail-on", "none", file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        using var report = JsonDocument.Parse(stdout.Result);
        return [.. report.RootElement.GetProperty("files")[0].GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32(), f.GetProperty("severity").GetString()!))];
    }
}
