using System.Text;
using System.Text.Json;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>Bad input gets a JSON-RPC error, and the server goes on answering.</summary>
public sealed class ProtocolErrorTests
{
    [Fact]
    public async Task Malformed_json_gets_a_parse_error_and_the_server_goes_on()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
        var error = await server.WaitForUntaggedResponseAsync(1);
        Assert.Equal(-32700, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task A_frame_without_content_length_gets_an_error_and_the_next_frame_is_read()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendRawAsync(Encoding.ASCII.GetBytes("Content-Lenght: 12\r\n\r\n"));
        var error = await server.WaitForUntaggedResponseAsync(1);
        Assert.Equal(-32700, error.GetProperty("error").GetProperty("code").GetInt32());
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task Garbage_before_a_header_is_skipped()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var body = "{\"jsonrpc\":\"2.0\",\"id\":4242,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"notelsp.listRules\"}}";
        await server.SendRawAsync(Encoding.UTF8.GetBytes($"n'importe quoi Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}"));
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task Well_formed_json_that_is_not_a_request_is_an_invalid_request()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync("[1, 2, 3]");
        var error = await server.WaitForUntaggedResponseAsync(1);
        Assert.Equal(-32600, error.GetProperty("error").GetProperty("code").GetInt32());
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task An_invalid_request_with_a_readable_id_is_answered_with_that_id()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync("{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": 12}");
        var error = await server.WaitForUntaggedResponseAsync(1);
        Assert.Equal(-32600, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(77, error.GetProperty("id").GetInt32());
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task An_unknown_method_is_method_not_found_and_an_unknown_notification_is_ignored()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var response = await server.RequestAsync("textDocument/inventé", new { });
        Assert.Equal(-32601, response.GetProperty("error").GetProperty("code").GetInt32());
        await server.NotifyAsync("$/inventé", new { });
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task An_unknown_document_is_invalid_params_without_its_path_in_the_message()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = "file:///dossiers/Martin-Theo/rapport.md";
        var response = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position = Docs.At(0, 0) });
        var error = response.GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("file:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_position_outside_the_document_is_invalid_params()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, "Une ligne 😀\n"));
        foreach (var position in new[] { Docs.At(5, 0), Docs.At(0, 13), Docs.At(-1, 0) })
        {
            var response = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position });
            Assert.Equal(-32602, response.GetProperty("error").GetProperty("code").GetInt32());
        }

        var inside = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position = Docs.At(0, 12) });
        Assert.True(inside.TryGetProperty("result", out _), inside.ToString());
    }

    [Fact]
    public async Task Invalid_params_are_reported_as_such()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var response = await server.RequestAsync("textDocument/hover", new { textDocument = 12 });
        Assert.Equal(-32602, response.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_change_with_an_older_version_is_rejected_and_the_document_stays_intact()
    {
        await using var server = await LspProcess.StartInitializedAsync(Docs.ImmediateSettings());
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, "Théo est un délinquant.", version: 5));
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 3 },
            contentChanges = new[] { new { range = Docs.Range(0, 12, 0, 22), text = "jeune" } },
        });
        await server.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 6 },
            contentChanges = new[] { new { range = Docs.Range(9, 0, 9, 1), text = "x" } },
        });

        var summary = await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.documentSummary", arguments = new[] { uri } });
        var result = summary.GetProperty("result");
        Assert.Equal(5, result.GetProperty("version").GetInt32());
        Assert.Equal("dignity.essentialising.label", Assert.Single(result.GetProperty("findings").EnumerateArray()).GetProperty("ruleId").GetString());
    }

    private static async Task AssertStillAnsweringAsync(LspProcess server)
    {
        var response = await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.listRules", arguments = Array.Empty<object>() });
        Assert.NotEmpty(response.GetProperty("result").EnumerateArray());
    }
}
