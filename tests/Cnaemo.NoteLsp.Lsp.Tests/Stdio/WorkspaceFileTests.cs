using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>
/// <c>.notelsp.json</c> is untrusted input and the user's own file (issue #14): it is read through the guarded reader,
/// watched, and read again before the server writes to it, so no edit of the user's is lost.
/// </summary>
public sealed class WorkspaceFileTests : IDisposable
{
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("notelsp-wsfile-");

    private string RootUri => new Uri(_workspace.FullName + "/").AbsoluteUri;

    private string SettingsPath => Path.Combine(_workspace.FullName, ".notelsp.json");

    public void Dispose() => _workspace.Delete(recursive: true);

    [Fact]
    public async Task Disabling_a_rule_keeps_what_the_user_wrote_in_the_file_after_the_start()
    {
        await File.WriteAllTextAsync(SettingsPath, """{ "rules": { "disabled": ["identifier"] } }""");
        await using var server = await LspProcess.StartInitializedAsync(rootUri: RootUri);

        // The user edits the file while the server runs; no watch notification is sent here.
        var edited = """{ "rules": { "disabled": ["identifier", "health"], "severity": { "dignity": "hint" } } }""";
        await File.WriteAllTextAsync(SettingsPath, edited);
        await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.disableRuleInWorkspace", arguments = new[] { "dignity.essentialising.label" } });

        var change = (await server.WaitForServerRequestAsync("workspace/applyEdit")).GetProperty("params").GetProperty("edit").GetProperty("documentChanges")[1];
        var edit = change.GetProperty("edits")[0];
        var written = JsonNode.Parse(edit.GetProperty("newText").GetString()!)!;
        Assert.Equal(["identifier", "health", "dignity.essentialising.label"], written["rules"]!["disabled"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("hint", written["rules"]!["severity"]!["dignity"]!.GetValue<string>());

        // The edit replaces the file as it is now, to its last character.
        Assert.Equal(edited.Length, edit.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task A_change_to_the_watched_file_is_applied_at_once()
    {
        await using var server = LspProcess.Start();
        await server.RequestAsync("initialize", new
        {
            processId = (int?)null,
            rootUri = RootUri,
            capabilities = new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = true } } },
            initializationOptions = Docs.ImmediateSettings(),
        });
        await server.NotifyAsync("initialized", new { });
        var registration = await server.WaitForServerRequestAsync("client/registerCapability");
        Assert.Equal("**/.notelsp.json", registration.GetProperty("params").GetProperty("registrations")[0].GetProperty("registerOptions").GetProperty("watchers")[0].GetProperty("globPattern").GetString());

        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        Assert.Contains(await server.WaitForDiagnosticsAsync(uri, 1), d => d.GetProperty("code").GetString() == "privacy.identifier.phone");

        await File.WriteAllTextAsync(SettingsPath, """{ "rules": { "disabled": ["identifier"] } }""");
        await server.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = new Uri(SettingsPath).AbsoluteUri, type = 1 } } });
        var codes = await WaitUntilAsync(
            async () => (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result").GetProperty("items")
                .EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList(),
            found => !found.Contains("privacy.identifier.phone"));
        Assert.Equal(["dignity.essentialising.label"], codes);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/etc/passwd")]
    public async Task A_settings_file_that_links_to_a_device_or_outside_the_workspace_is_not_read(string target)
    {
        File.CreateSymbolicLink(SettingsPath, target);
        await using var server = await LspProcess.StartInitializedAsync(rootUri: RootUri);
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var items = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result").GetProperty("items");
        Assert.Contains(items.EnumerateArray(), d => d.GetProperty("code").GetString() == "privacy.identifier.phone");
        Assert.Contains(".notelsp.json ignoré", server.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", server.StandardError, StringComparison.Ordinal);

        // Nothing is written over a file that could not be read.
        var refused = await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.disableRuleInWorkspace", arguments = new[] { "dignity.essentialising.label" } });
        Assert.True(refused.TryGetProperty("error", out _), refused.ToString());
    }

    [Fact]
    public async Task A_fifo_as_settings_file_does_not_hang_initialize()
    {
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [SettingsPath]))
        {
            await mkfifo.WaitForExitAsync();
        }

        await using var server = await LspProcess.StartInitializedAsync(rootUri: RootUri);
        Assert.Contains("ce n'est pas un fichier ordinaire", server.StandardError, StringComparison.Ordinal);
    }

    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + LspProcess.Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
