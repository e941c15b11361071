namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>
/// The optional cap on a document's diagnostics (issue #14, very large documents): the first findings in document
/// order, then one diagnostic that says how many more there are, pushed and pulled alike; off by default.
/// </summary>
public sealed class CappedDiagnosticsTests
{
    // Five identifiers in five paragraphs: five findings of one rule, in a known order, that no grouping joins.
    private const string FivePhones = "Tél. 06 12 34 56 78.\n\nTél. 06 12 34 56 79.\n\nTél. 06 12 34 56 70.\n\nTél. 06 12 34 56 71.\n\nTél. 06 12 34 56 72.\n";

    [Fact]
    public async Task A_capped_document_shows_its_first_findings_then_says_how_many_more_there_are()
    {
        await using var server = await LspProcess.StartInitializedAsync(new { settings = new { debounceMs = 0, maxDiagnosticsPerDocument = 2 } });
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, FivePhones));
        var pushed = await server.WaitForDiagnosticsAsync(uri, 1);

        Assert.Equal(3, pushed.Length);
        Assert.Equal([0, 2], pushed.Take(2).Select(d => d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()));
        var more = pushed[2];
        Assert.Equal("notelsp.more-findings", more.GetProperty("code").GetString());
        Assert.Equal(3, more.GetProperty("severity").GetInt32());
        Assert.Equal(4, more.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.StartsWith("3 autres constats", more.GetProperty("message").GetString(), StringComparison.Ordinal);

        var pulled = (await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri } })).GetProperty("result").GetProperty("items");
        Assert.Equal(3, pulled.GetArrayLength());
        Assert.Equal("notelsp.more-findings", pulled[2].GetProperty("code").GetString());
    }

    [Fact]
    public async Task By_default_every_finding_is_shown()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, FivePhones));
        var pushed = await server.WaitForDiagnosticsAsync(uri, 1);

        Assert.Equal(5, pushed.Length);
        Assert.DoesNotContain(pushed, d => d.GetProperty("code").GetString() == "notelsp.more-findings");
    }

    [Fact]
    public async Task A_cap_of_the_wrong_type_is_dropped_and_every_finding_is_shown()
    {
        await using var server = await LspProcess.StartInitializedAsync(new { settings = new { debounceMs = 0, maxDiagnosticsPerDocument = "beaucoup" } });
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, FivePhones));
        Assert.Equal(5, (await server.WaitForDiagnosticsAsync(uri, 1)).Length);
    }
}
