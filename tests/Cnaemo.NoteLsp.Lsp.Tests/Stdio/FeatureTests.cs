using System.Text.Json;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>Hover, code actions and resolve over real stdio.</summary>
public sealed class FeatureTests
{
    [Fact]
    public async Task Hover_on_a_finding_explains_it_in_markdown_with_its_legal_references()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var line = Docs.Report.Split('\n')[4];
        var hover = (await server.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position = Docs.At(4, line.IndexOf("06", StringComparison.Ordinal) + 3) })).GetProperty("result");

        var contents = hover.GetProperty("contents");
        Assert.Equal("markdown", contents.GetProperty("kind").GetString());
        var markdown = contents.GetProperty("value").GetString()!;
        Assert.Contains("Numéro de téléphone", markdown, StringComparison.Ordinal);
        Assert.Contains("**Pourquoi c'est important**", markdown, StringComparison.Ordinal);
        Assert.Contains("[RGPD, art. 5(1)(c)", markdown, StringComparison.Ordinal);
        Assert.Contains("](https://www.cnil.fr/", markdown, StringComparison.Ordinal);
        Assert.Contains("**Comment l'écrire**", markdown, StringComparison.Ordinal);
        Assert.Equal(4, hover.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Hover_away_from_findings_is_null()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var response = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position = Docs.At(0, 3) });
        Assert.Equal(JsonValueKind.Null, response.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Code_actions_offer_rephrasings_first_ignore_here_and_disable_for_the_workspace()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var actions = await CodeActionsAsync(server, uri, Docs.Range(2, 14, 2, 14));
        var titles = actions.Select(a => a.GetProperty("title").GetString()).ToList();

        Assert.StartsWith("Reformuler : ", titles[0], StringComparison.Ordinal);
        Assert.True(actions[0].GetProperty("isPreferred").GetBoolean());
        Assert.Equal(1, actions.Count(a => a.TryGetProperty("isPreferred", out _)));
        Assert.Contains("Ignorer ici (commentaire)", titles);
        Assert.Contains("Désactiver la règle dignity.essentialising.label pour l'espace de travail", titles);
        var disable = actions.Single(a => a.GetProperty("title").GetString()!.StartsWith("Désactiver", StringComparison.Ordinal));
        Assert.Equal("notelsp.disableRuleInWorkspace", disable.GetProperty("command").GetProperty("command").GetString());
        Assert.Equal("dignity.essentialising.label", disable.GetProperty("command").GetProperty("arguments")[0].GetString());
        Assert.All(actions.Where(a => a.TryGetProperty("edit", out _)), a => Assert.Equal("quickfix", a.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Applying_the_preferred_rephrasing_makes_the_finding_disappear()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        await server.WaitForDiagnosticsAsync(uri, 1);
        var preferred = (await CodeActionsAsync(server, uri, Docs.Range(2, 14, 2, 14))).First(a => a.TryGetProperty("isPreferred", out _));
        var edit = Assert.Single(preferred.GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray());

        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = edit.GetProperty("range"), text = edit.GetProperty("newText").GetString() } },
        });
        var after = await server.WaitForDiagnosticsAsync(uri, 2);
        Assert.DoesNotContain(after, d => d.GetProperty("code").GetString() == "dignity.essentialising.label");
        Assert.Contains(after, d => d.GetProperty("code").GetString() == "privacy.identifier.phone");
    }

    [Fact]
    public async Task Identifiers_get_a_mask_action_and_fix_all_masks_without_rewording()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var phoneColumn = Docs.Report.Split('\n')[4].IndexOf("06", StringComparison.Ordinal);
        var actions = await CodeActionsAsync(server, uri, Docs.Range(4, phoneColumn, 4, phoneColumn));
        var mask = actions.Single(a => a.GetProperty("title").GetString() == "Masquer cet identifiant");
        Assert.Equal("[téléphone masqué]", mask.GetProperty("edit").GetProperty("changes").GetProperty(uri)[0].GetProperty("newText").GetString());

        var fixAll = Assert.Single(await CodeActionsAsync(server, uri, Docs.Range(0, 0, 0, 0), only: ["source.fixAll.notelsp"]));
        Assert.Equal("source.fixAll.notelsp", fixAll.GetProperty("kind").GetString());
        var edits = fixAll.GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray().ToList();
        Assert.All(edits, e => Assert.EndsWith("masqué]", e.GetProperty("newText").GetString(), StringComparison.Ordinal));
        Assert.Single(edits);
    }

    [Fact]
    public async Task Pseudonymise_is_resolved_into_an_edit_of_every_occurrence()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var actions = await CodeActionsAsync(server, uri, Docs.Range(2, 1, 2, 1));
        var pseudonymise = actions.Single(a => a.GetProperty("title").GetString() == "Pseudonymiser « Théo » dans tout le document");
        Assert.False(pseudonymise.TryGetProperty("edit", out _));

        var resolved = (await server.RequestAsync("codeAction/resolve", pseudonymise)).GetProperty("result");
        var edits = resolved.GetProperty("edit").GetProperty("changes").GetProperty(uri).EnumerateArray().ToList();
        Assert.Equal(3, edits.Count);
        Assert.All(edits, e => Assert.Equal("T.", e.GetProperty("newText").GetString()));
    }

    [Fact]
    public async Task Resolving_an_action_offered_for_an_older_version_is_refused_as_content_modified()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var actions = await CodeActionsAsync(server, uri, Docs.Range(2, 1, 2, 1));
        var pseudonymise = actions.Single(a => a.GetProperty("title").GetString() == "Pseudonymiser « Théo » dans tout le document");
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = Docs.Range(0, 0, 0, 0), text = "Ajout.\n" } },
        });

        var response = await server.RequestAsync("codeAction/resolve", pseudonymise);
        Assert.Equal(-32801, response.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Ignore_here_inserts_a_markdown_comment_that_silences_the_finding()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        await server.WaitForDiagnosticsAsync(uri, 1);
        var ignore = (await CodeActionsAsync(server, uri, Docs.Range(2, 14, 2, 14))).Single(a => a.GetProperty("title").GetString() == "Ignorer ici (commentaire)");
        var edit = ignore.GetProperty("edit").GetProperty("changes").GetProperty(uri)[0];
        Assert.Equal("<!-- notelsp-disable-next-line dignity.essentialising.label -->\n", edit.GetProperty("newText").GetString());

        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = edit.GetProperty("range"), text = edit.GetProperty("newText").GetString() } },
        });
        Assert.DoesNotContain(await server.WaitForDiagnosticsAsync(uri, 2), d => d.GetProperty("code").GetString() == "dignity.essentialising.label");
    }

    private static async Task<List<JsonElement>> CodeActionsAsync(LspProcess server, string uri, object range, string[]? only = null)
    {
        var response = await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range,
            context = new { diagnostics = Array.Empty<object>(), only },
        });
        return [.. response.GetProperty("result").EnumerateArray()];
    }
}
