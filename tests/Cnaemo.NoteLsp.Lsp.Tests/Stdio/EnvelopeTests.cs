using System.Text;
using System.Text.Json;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>
/// Messages that once ended the session silently (issue #14): each is now answered or dropped, and the server goes on.
/// Every test ends by checking that an ordinary request is still answered.
/// </summary>
public sealed class EnvelopeTests
{
    [Fact]
    public async Task A_response_nobody_asked_for_is_dropped()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync("""{"jsonrpc":"2.0","id":9,"result":null}""");
        await server.SendBodyAsync("""{"jsonrpc":"2.0","id":"x","error":{"code":1,"message":"?"}}""");
        await AssertStillAnsweringAsync(server);
        Assert.Contains("Message ignoré", server.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_answer_to_a_server_request_is_dropped()
    {
        await using var server = LspProcess.Start();
        server.ConfigurationAnswer = JsonSerializer.SerializeToNode(new { debounceMs = 0 });
        await server.RequestAsync("initialize", new { processId = (int?)null, rootUri = (string?)null, capabilities = new { workspace = new { configuration = true } } });
        await server.NotifyAsync("initialized", new { });
        var request = await server.WaitForServerRequestAsync("workspace/configuration");
        var id = request.GetProperty("id").GetRawText();
        await server.SendBodyAsync($$"""{"jsonrpc":"2.0","id":{{id}},"result":[{}]}""");
        await AssertStillAnsweringAsync(server);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":null}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":42}""", -32600)]

    // A lone surrogate becomes U+FFFD before the message is read: the method is then merely unknown.
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"\ud800"}""", -32601)]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"shutdown","para\udc00ms":{}}""", 0)]
    public async Task A_method_that_is_not_a_string_is_an_invalid_request_with_its_id(string body, int code)
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync(body);
        var answer = await server.WaitForUntaggedResponseAsync(m => m.GetProperty("id").ValueKind == JsonValueKind.Number);
        Assert.Equal(5, answer.GetProperty("id").GetInt32());
        Assert.Equal(code, answer.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : 0);
        if (code == 0)
        {
            return;
        }

        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task A_notification_with_a_null_method_is_dropped()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync("""{"jsonrpc":"2.0","method":null}""");
        await AssertStillAnsweringAsync(server);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":"\ud800","method":"textDocument/hover","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"a\udc00b","method":"shutdown"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"}""")]
    public async Task An_id_that_cannot_be_written_back_gets_an_error_with_a_null_id(string body)
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync(body);
        var error = await server.WaitForUntaggedResponseAsync(1);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.Equal(-32600, error.GetProperty("error").GetProperty("code").GetInt32());
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task A_second_request_with_the_id_of_a_running_one_is_refused_and_the_first_is_answered()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var uri = Docs.Uri();

        // A document of a few megabytes keeps the first request running while the second arrives in the same write.
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, string.Concat(Enumerable.Repeat("Théo est un délinquant.\n\n", 40_000))));
        var request = """{"jsonrpc":"2.0","id":"double","method":"textDocument/diagnostic","params":{"textDocument":{"uri":""" + JsonSerializer.Serialize(uri) + "}}}";
        var frame = Encoding.UTF8.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(request)}\r\n\r\n{request}");
        await server.SendRawAsync([.. frame, .. frame]);

        var refused = await server.WaitForUntaggedResponseAsync(m => m.TryGetProperty("error", out _) && m.GetProperty("id").ValueKind == JsonValueKind.String);
        Assert.Equal(-32600, refused.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("même identifiant", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        var answered = await server.WaitForUntaggedResponseAsync(m => m.TryGetProperty("result", out _) && m.GetProperty("id").ValueKind == JsonValueKind.String);
        Assert.Equal("double", answered.GetProperty("id").GetString());
        Assert.NotEmpty(answered.GetProperty("result").GetProperty("items").EnumerateArray());
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task Params_that_are_neither_object_nor_array_are_invalid_params()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync("""{"jsonrpc":"2.0","id":31,"method":"textDocument/hover","params":"texte"}""");
        var error = await server.WaitForUntaggedResponseAsync(m => m.GetProperty("id").ValueKind == JsonValueKind.Number);
        Assert.Equal(-32602, error.GetProperty("error").GetProperty("code").GetInt32());
        await AssertStillAnsweringAsync(server);
    }

    [Theory]
    [InlineData("textDocument/hover", """{"textDocument":null,"position":{"line":0,"character":0}}""", "textDocument")]
    [InlineData("textDocument/hover", """{"textDocument":{},"position":{"line":0,"character":0}}""", "textDocument.uri")]
    [InlineData("textDocument/codeAction", """{"textDocument":{"uri":"file:///a.md"},"range":null,"context":{}}""", "range")]
    [InlineData("workspace/executeCommand", """{"command":null}""", "command")]
    public async Task A_missing_or_null_member_is_invalid_params_naming_it(string method, string parameters, string member)
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.SendBodyAsync($$"""{"jsonrpc":"2.0","id":32,"method":"{{method}}","params":{{parameters}}}""");
        var error = (await server.WaitForUntaggedResponseAsync(m => m.GetProperty("id").ValueKind == JsonValueKind.Number)).GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains($"« {member} »", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertStillAnsweringAsync(server);
    }

    [Fact]
    public async Task A_valid_frame_after_a_long_run_of_garbage_is_read_and_the_garbage_costs_one_error()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var body = """{"jsonrpc":"2.0","id":"after","method":"workspace/executeCommand","params":{"command":"notelsp.listRules"}}""";
        var garbage = Encoding.ASCII.GetBytes(new string('x', 100_000));
        await server.SendRawAsync([.. garbage, .. Encoding.UTF8.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}")]);
        var answer = await server.WaitForUntaggedResponseAsync(m => m.GetProperty("id").ValueKind == JsonValueKind.String);
        Assert.NotEmpty(answer.GetProperty("result").EnumerateArray());
        Assert.Single(server.UntaggedResponses, m => m.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task An_oversized_frame_is_skipped_whole_with_one_error()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        var length = (64 * 1024 * 1024) + 1;
        var frame = new byte[length + 64];
        var header = Encoding.ASCII.GetBytes($"Content-Length: {length}\r\n\r\n");
        header.CopyTo(frame, 0);
        frame.AsSpan(header.Length, length).Fill((byte)'{');
        await server.SendRawAsync(frame.AsSpan(0, header.Length + length).ToArray());
        var error = await server.WaitForUntaggedResponseAsync(1);
        Assert.Contains("trop volumineux", error.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        await AssertStillAnsweringAsync(server);
        Assert.Single(server.UntaggedResponses);
    }

    [Fact]
    public async Task A_null_among_the_disabled_rules_is_dropped_and_the_analysis_goes_on()
    {
        await using var server = await LspProcess.StartInitializedAsync(new { settings = new { debounceMs = 0, rules = new { disabled = new[] { null, "privacy" } } } });
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var diagnostics = await server.WaitForDiagnosticsAsync(uri, 1);
        Assert.Equal(["dignity.essentialising.label"], diagnostics.Select(d => d.GetProperty("code").GetString()).Distinct());
        Assert.Contains("rules.disabled[]", server.StandardError, StringComparison.Ordinal);
    }

    private static async Task AssertStillAnsweringAsync(LspProcess server)
    {
        var response = await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.listRules", arguments = Array.Empty<object>() });
        Assert.NotEmpty(response.GetProperty("result").EnumerateArray());
    }
}
