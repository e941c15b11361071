using System.Text.Json;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>Pushed and pulled diagnostics, incremental sync and UTF-16 positions, over real stdio.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public async Task Opening_a_document_pushes_its_diagnostics_with_rule_reference_and_category()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var diagnostics = await server.WaitForDiagnosticsAsync(uri, 1);

        var label = Assert.Single(diagnostics, d => d.GetProperty("code").GetString() == "dignity.essentialising.label");
        Assert.Equal("notelsp", label.GetProperty("source").GetString());
        Assert.StartsWith("https://", label.GetProperty("codeDescription").GetProperty("href").GetString(), StringComparison.Ordinal);
        var data = label.GetProperty("data");
        Assert.Equal("essentialising", data.GetProperty("category").GetString());
        Assert.Equal("dignity", data.GetProperty("family").GetString());
        Assert.Equal("dignity.essentialising.label", data.GetProperty("ruleId").GetString());
        Assert.Equal(2, label.GetProperty("severity").GetInt32());
        Assert.Equal(2, label.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        // The label rule flags the whole clause "Théo est un délinquant", which its rephrasings replace.
        Assert.Equal(0, label.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Positions_after_an_emoji_count_utf16_code_units()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var phone = Assert.Single(await server.WaitForDiagnosticsAsync(uri, 1), d => d.GetProperty("code").GetString() == "privacy.identifier.phone");
        var line = Docs.Report.Split('\n')[4];
        var start = phone.GetProperty("range").GetProperty("start");
        Assert.Equal(4, start.GetProperty("line").GetInt32());
        Assert.Equal(line.IndexOf("0612345678", StringComparison.Ordinal), start.GetProperty("character").GetInt32());
        Assert.Equal(line.IndexOf("0612345678", StringComparison.Ordinal) + 10, phone.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task An_incremental_change_after_an_emoji_removes_the_finding_it_rewrites()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, "😀 Tél. : 0612345678 et Théo est un délinquant."));
        Assert.Equal(2, (await server.WaitForDiagnosticsAsync(uri, 1)).Length);

        var start = "😀 Tél. : ".Length;
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = Docs.Range(0, start, 0, start + 10), text = "[téléphone masqué]" } },
        });
        var after = await server.WaitForDiagnosticsAsync(uri, 2);
        var remaining = Assert.Single(after);
        Assert.Equal("dignity.essentialising.label", remaining.GetProperty("code").GetString());
        Assert.Equal("😀 Tél. : [téléphone masqué] et ".Length, remaining.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Pulled_diagnostics_are_unchanged_while_the_result_id_holds()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var first = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result");
        Assert.Equal("full", first.GetProperty("kind").GetString());
        Assert.NotEmpty(first.GetProperty("items").EnumerateArray());
        var resultId = first.GetProperty("resultId").GetString();

        var second = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri }, previousResultId = resultId })).GetProperty("result");
        Assert.Equal("unchanged", second.GetProperty("kind").GetString());
        Assert.Equal(resultId, second.GetProperty("resultId").GetString());
        Assert.False(second.TryGetProperty("items", out _));

        await server.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version = 2 }, contentChanges = new[] { new { text = "Rien à signaler." } } });
        var third = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri }, previousResultId = resultId })).GetProperty("result");
        Assert.Equal("full", third.GetProperty("kind").GetString());
        Assert.Empty(third.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Markdown_code_and_links_are_not_read_but_plain_text_is()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        const string text = "Le code `0612345678` n'est pas relu.";
        var markdown = Docs.Uri("md");
        var plain = Docs.Uri("txt");
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(markdown, text));
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(plain, text, languageId: "plaintext"));

        var md = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = markdown } })).GetProperty("result");
        var txt = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = plain } })).GetProperty("result");
        Assert.Empty(md.GetProperty("items").EnumerateArray());
        Assert.Equal("privacy.identifier.phone", Assert.Single(txt.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Closing_a_document_clears_its_diagnostics()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        Assert.NotEmpty(await server.WaitForDiagnosticsAsync(uri, 1));
        await server.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
        var cleared = await server.WaitForNotificationAsync(
            "textDocument/publishDiagnostics",
            p => p.GetProperty("uri").GetString() == uri && !p.TryGetProperty("version", out _));
        Assert.Empty(cleared.GetProperty("params").GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task Saving_republishes_the_diagnostics()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        await server.WaitForDiagnosticsAsync(uri, 1);
        server.ClearNotifications();
        await server.NotifyAsync("textDocument/didSave", new { textDocument = new { uri } });
        Assert.NotEmpty(await server.WaitForDiagnosticsAsync(uri, 1));
    }

    [Fact]
    public async Task Suppression_comments_silence_the_next_line()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, "<!-- notelsp-disable-next-line dignity.essentialising -->\nThéo est un délinquant.\n\nThéo est un délinquant.\n"));
        var items = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result").GetProperty("items");
        Assert.Equal(3, Assert.Single(items.EnumerateArray()).GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Cancelling_a_pull_on_a_large_document_answers_request_cancelled()
    {
        await using var server = await LspProcess.StartInitializedAsync(new { settings = new { debounceMs = 10_000 } });
        var uri = Docs.Uri();
        // Long enough that linting takes far longer than the cancellation takes to arrive; every paragraph differs,
        // so that none is reused from the block cache.
        var text = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"Le jeune est venu au service (entretien {i}) et a parlé de son projet.\n\n"));
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, text));
        var (id, response) = server.StartRequest("textDocument/diagnostic", new { textDocument = new { uri } });
        await server.NotifyAsync("$/cancelRequest", new { id });
        var answer = await response;
        Assert.True(answer.TryGetProperty("error", out var error), "the request was answered before it could be cancelled");
        Assert.Equal(-32800, error.GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Number, answer.GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task A_typist_who_never_pauses_still_gets_diagnostics_within_the_maximum_wait()
    {
        // A debounce of 300 ms and a keystroke every 100 ms: without a maximum wait nothing would be published until
        // the typing stops. The maximum is 1.2 s here (4 debounce delays).
        await using var server = await LspProcess.StartInitializedAsync(new { settings = new { debounceMs = 300 } });
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, "Théo est un délinquant.\n"));
        await server.WaitForDiagnosticsAsync(uri, 1);
        server.ClearNotifications();
        var typing = System.Diagnostics.Stopwatch.StartNew();
        var version = 1;
        while (typing.Elapsed < TimeSpan.FromSeconds(4))
        {
            await server.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri, version = ++version },
                contentChanges = new[] { new { range = Docs.Range(0, 0, 0, 0), text = "a" } },
            });
            await Task.Delay(100);
        }

        var published = await server.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri);
        Assert.True(published.GetProperty("params").GetProperty("version").GetInt32() < version, "diagnostics came only once the typing stopped");
    }
}
