using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>Commands, settings (pulled and pushed), workspace trust and custom packs, over real stdio.</summary>
public sealed class WorkspaceTests : IDisposable
{
    private const string CustomPack = """
        pack: maison
        description: Règle maison de test.
        rules:
          - id: privacy.maison.dossier
            category: identifier
            severity: error
            message: "Numéro de dossier interne dans le texte."
            explanation: "Le numéro de dossier interne permet de retrouver la personne ; il reste dans le dossier administratif."
            references:
              - label: "RGPD, art. 5(1)(c) — minimisation des données"
                url: https://eur-lex.europa.eu/eli/reg/2016/679/oj
            terms:
              - dossier-zorglub
        """;

    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("notelsp-ws-");

    private string RootUri => new Uri(_workspace.FullName + "/").AbsoluteUri;

    [Fact]
    public async Task Mask_all_identifiers_sends_a_workspace_edit_and_counts_the_masks()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report + "IBAN FR76 3000 6000 0112 3456 7890 189\n"));
        var result = (await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.maskAllIdentifiers", arguments = new[] { uri } })).GetProperty("result");
        Assert.Equal(2, result.GetProperty("masked").GetInt32());

        var applyEdit = await server.WaitForServerRequestAsync("workspace/applyEdit");
        var edits = applyEdit.GetProperty("params").GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray().Select(e => e.GetProperty("newText").GetString());
        Assert.Equal(["[téléphone masqué]", "[IBAN masqué]"], edits);
    }

    [Fact]
    public async Task Pseudonymise_replaces_every_occurrence_by_the_given_role()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var result = (await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.pseudonymise", arguments = new[] { uri, "Théo", "l'enfant" } })).GetProperty("result");
        Assert.Equal(3, result.GetProperty("replaced").GetInt32());
        var applyEdit = await server.WaitForServerRequestAsync("workspace/applyEdit");
        Assert.All(applyEdit.GetProperty("params").GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray(), e => Assert.Equal("l'enfant", e.GetProperty("newText").GetString()));
    }

    [Fact]
    public async Task The_role_style_uses_the_configured_role_for_a_name()
    {
        await using var server = await LspProcess.StartInitializedAsync(new { settings = new { pseudonymisation = new { style = "role", roles = new Dictionary<string, string> { ["Théo Martin"] = "l'enfant" } } } });
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var result = (await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.pseudonymise", arguments = new[] { uri, "Théo Martin" } })).GetProperty("result");
        Assert.Equal(1, result.GetProperty("replaced").GetInt32());
        var applyEdit = await server.WaitForServerRequestAsync("workspace/applyEdit");
        Assert.Equal("l'enfant", applyEdit.GetProperty("params").GetProperty("edit").GetProperty("changes").GetProperty(uri)[0].GetProperty("newText").GetString());
    }

    [Fact]
    public async Task The_document_summary_counts_findings_and_carries_no_document_text()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var summary = (await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.documentSummary", arguments = new[] { uri } })).GetProperty("result");

        Assert.Equal(uri, summary.GetProperty("uri").GetString());
        Assert.Equal(1, summary.GetProperty("version").GetInt32());
        Assert.Equal(1, summary.GetProperty("counts").GetProperty("privacy").GetInt32());
        Assert.Equal(1, summary.GetProperty("counts").GetProperty("dignity").GetInt32());
        Assert.Equal(1, summary.GetProperty("byCategory").GetProperty("identifier").GetInt32());
        var raw = summary.GetRawText();
        Assert.DoesNotContain("0612345678", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_rules_describes_every_rule()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var rules = (await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.listRules" })).GetProperty("result").EnumerateArray().ToList();
        var phone = Assert.Single(rules, r => r.GetProperty("id").GetString() == "privacy.identifier.phone");
        Assert.Equal("identifier", phone.GetProperty("category").GetString());
        Assert.Equal("privacy", phone.GetProperty("family").GetString());
        Assert.Equal("warning", phone.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(phone.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Disabling_a_rule_for_the_workspace_writes_notelsp_json_and_applies_at_once()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings(), RootUri);
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        Assert.Contains(await server.WaitForDiagnosticsAsync(uri, 1), d => d.GetProperty("code").GetString() == "dignity.essentialising.label");
        server.ClearNotifications();

        var result = (await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.disableRuleInWorkspace", arguments = new[] { "dignity.essentialising.label" } })).GetProperty("result");
        Assert.True(result.GetProperty("applied").GetBoolean());
        var changes = (await server.WaitForServerRequestAsync("workspace/applyEdit")).GetProperty("params").GetProperty("edit").GetProperty("documentChanges");
        Assert.Equal("create", changes[0].GetProperty("kind").GetString());
        Assert.EndsWith("/.notelsp.json", changes[0].GetProperty("uri").GetString(), StringComparison.Ordinal);
        var written = JsonNode.Parse(changes[1].GetProperty("edits")[0].GetProperty("newText").GetString()!)!;
        Assert.Equal("dignity.essentialising.label", written["rules"]!["disabled"]![0]!.GetValue<string>());

        Assert.DoesNotContain(await server.WaitForDiagnosticsAsync(uri, 1), d => d.GetProperty("code").GetString() == "dignity.essentialising.label");
    }

    [Fact]
    public async Task The_workspace_file_is_read_at_start()
    {
        await File.WriteAllTextAsync(Path.Combine(_workspace.FullName, ".notelsp.json"), """{ "rules": { "disabled": ["identifier"] } }""");
        await using var server = await LspProcess.StartInitializedAsync(rootUri: RootUri);
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var items = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result").GetProperty("items");
        Assert.Equal(["dignity.essentialising.label"], items.EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Settings_pushed_in_did_change_configuration_switch_rules_off_and_change_severities()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        await server.WaitForDiagnosticsAsync(uri, 1);
        var before = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result");
        server.ClearNotifications();

        await server.NotifyAsync("workspace/didChangeConfiguration", new
        {
            settings = new { notelsp = new { debounceMs = 0, rules = new { disabled = new[] { "essentialising" }, severity = new Dictionary<string, string> { ["privacy.identifier.phone"] = "hint" } } } },
        });
        var pushed = await server.WaitForDiagnosticsAsync(uri, 1);
        var phone = Assert.Single(pushed);
        Assert.Equal("privacy.identifier.phone", phone.GetProperty("code").GetString());
        Assert.Equal(4, phone.GetProperty("severity").GetInt32());

        var after = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri }, previousResultId = before.GetProperty("resultId").GetString() })).GetProperty("result");
        Assert.Equal("full", after.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Settings_are_pulled_with_workspace_configuration_when_the_client_supports_it()
    {
        await using var server = LspProcess.Start();
        server.ConfigurationAnswer = JsonNode.Parse("""{ "debounceMs": 0, "rules": { "disabled": ["privacy"] } }""");
        await server.RequestAsync("initialize", new { processId = (int?)null, rootUri = (string?)null, capabilities = new { workspace = new { configuration = true } } });
        await server.NotifyAsync("initialized", new { });
        var request = await server.WaitForServerRequestAsync("workspace/configuration");
        Assert.Equal("notelsp", request.GetProperty("params").GetProperty("items")[0].GetProperty("section").GetString());

        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var rules = await WaitUntilAsync(async () =>
        {
            var items = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result").GetProperty("items");
            return items.EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        }, codes => !codes.Contains("privacy.identifier.phone"));
        Assert.Equal(["dignity.essentialising.label"], rules);
    }

    [Fact]
    public async Task Custom_packs_load_only_in_a_trusted_workspace()
    {
        Directory.CreateDirectory(Path.Combine(_workspace.FullName, "regles"));
        await File.WriteAllTextAsync(Path.Combine(_workspace.FullName, "regles", "maison.yaml"), CustomPack);
        await using var server = await LspProcess.StartInitializedAsync(new { workspaceTrusted = false, settings = new { customPacks = new[] { "regles/maison.yaml", "../ailleurs.yaml" } } }, RootUri);
        Assert.DoesNotContain("privacy.maison.dossier", await RuleIdsAsync(server));

        await server.NotifyAsync("notelsp/didChangeWorkspaceTrust", new { trusted = true });
        Assert.Contains("privacy.maison.dossier", await RuleIdsAsync(server));
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, "Voir le dossier-zorglub."));
        var items = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result").GetProperty("items");
        Assert.Equal("privacy.maison.dossier", Assert.Single(items.EnumerateArray()).GetProperty("code").GetString());
    }

    /// <inheritdoc />
    public void Dispose() => _workspace.Delete(recursive: true);

    private static async Task<List<string?>> RuleIdsAsync(LspProcess server) =>
        [.. (await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.listRules" })).GetProperty("result").EnumerateArray().Select(r => r.GetProperty("id").GetString())];

    /// <summary>Asks again until the answer satisfies <paramref name="done"/>: the pulled settings arrive asynchronously.</summary>
    private static async Task<T> WaitUntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + LspProcess.Patience;
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(50);
        }
    }
}
