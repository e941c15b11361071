using System.Text.Json;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>
/// One fact, one finding over real stdio (issue #19): the grouped diagnostic carries its parts as
/// <c>relatedInformation</c> and in <c>data.parts</c>, the hover explains each part, a quick fix rewrites one part,
/// and <c>notelsp.groupFindings: false</c> gives every rule's diagnostic back.
/// </summary>
public sealed class GroupingTests
{
    private const string Note = "Il est incarcéré depuis sa condamnation pour vol.\n";

    [Fact]
    public async Task The_grouped_diagnostic_carries_each_part_with_its_range()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri("txt");
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Note, languageId: "plaintext"));
        var diagnostic = Assert.Single(await server.WaitForDiagnosticsAsync(uri, 1));

        Assert.StartsWith("Données pénales : « incarcéré », « condamnation », « pour vol »", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
        var related = diagnostic.GetProperty("relatedInformation").EnumerateArray().ToList();
        Assert.Equal(3, related.Count);
        Assert.All(related, r => Assert.Equal(uri, r.GetProperty("location").GetProperty("uri").GetString()));
        Assert.StartsWith("[privacy.criminal.offence]", related[2].GetProperty("message").GetString(), StringComparison.Ordinal);

        var parts = diagnostic.GetProperty("data").GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(["privacy.criminal.detention", "privacy.criminal.procedure", "privacy.criminal.offence"], parts.Select(p => p.GetProperty("ruleId").GetString()));
        var detention = parts[0].GetProperty("range");
        Assert.Equal(Note.IndexOf("incarcéré", StringComparison.Ordinal), detention.GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(Note.IndexOf(" depuis", StringComparison.Ordinal), detention.GetProperty("end").GetProperty("character").GetInt32());
        Assert.Equal(related[0].GetProperty("location").GetProperty("range").ToString(), detention.ToString());
    }

    [Fact]
    public async Task The_hover_explains_each_part()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri("txt");
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Note, languageId: "plaintext"));
        var hover = (await server.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position = Docs.At(0, Note.IndexOf("vol", StringComparison.Ordinal)) })).GetProperty("result");
        var markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;

        Assert.Contains("Un seul fait à revoir, relevé par 3 règles", markdown, StringComparison.Ordinal);
        Assert.Contains("**Partie 1 : « incarcéré »**", markdown, StringComparison.Ordinal);
        Assert.Contains("**Partie 3 : « pour vol »**", markdown, StringComparison.Ordinal);
        Assert.Contains("`privacy.criminal.procedure`", markdown, StringComparison.Ordinal);
        Assert.Equal(3, markdown.Split("**Pourquoi c'est important**").Length - 1);
    }

    [Fact]
    public async Task A_quick_fix_acts_on_one_part_and_ignore_here_names_every_rule()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri("txt");
        const string text = "Il traite sa mère de connard, d'abruti.\n";
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, text, languageId: "plaintext"));
        var response = await server.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = Docs.Range(0, text.IndexOf("connard", StringComparison.Ordinal), 0, text.IndexOf("connard", StringComparison.Ordinal)),
            context = new { diagnostics = Array.Empty<object>() },
        });
        var actions = response.GetProperty("result").EnumerateArray().ToList();
        var ignore = actions.Single(a => a.GetProperty("title").GetString() == "Ignorer ici (commentaire)");
        var parts = ignore.GetProperty("diagnostics")[0].GetProperty("data").GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(2, parts.Count);

        // The rewrite of « de connard » edits those words only, and its title says which; the other part is left alone.
        var partFix = actions.First(a => a.GetProperty("title").GetString()!.StartsWith("Reformuler « de connard » : ", StringComparison.Ordinal));
        var edit = partFix.GetProperty("edit").GetProperty("changes").GetProperty(uri)[0];
        Assert.Equal(parts[0].GetProperty("range").ToString(), edit.GetProperty("range").ToString());
        Assert.Equal("de «\u00A0connard\u00A0»", edit.GetProperty("newText").GetString());

        // "Ignore here" names every rule behind the grouped diagnostic, so that the directive silences all of it.
        var comment = ignore.GetProperty("edit").GetProperty("changes").GetProperty(uri)[0].GetProperty("newText").GetString()!;
        Assert.All(parts, p => Assert.Contains(p.GetProperty("ruleId").GetString()!, comment, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_setting_off_gives_every_rule_its_own_diagnostic()
    {
        await using var server = await LspProcess.StartInitializedAsync(new { settings = new { debounceMs = 0, groupFindings = false } });
        var uri = Docs.Uri("txt");
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Note, languageId: "plaintext"));
        var diagnostics = await server.WaitForDiagnosticsAsync(uri, 1);
        Assert.Equal(3, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.False(d.TryGetProperty("relatedInformation", out _)));
    }
}
