using System.Text.Json;
using System.Text.Json.Nodes;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>initialize, shutdown and exit as LSP 3.17 specifies them, against the real process.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Initialize_announces_the_capabilities_of_the_contract()
    {
        await using var server = LspProcess.Start();
        var response = await server.RequestAsync("initialize", new { processId = (int?)null, rootUri = (string?)null, capabilities = new { } });
        var capabilities = response.GetProperty("result").GetProperty("capabilities");

        var sync = capabilities.GetProperty("textDocumentSync");
        Assert.True(sync.GetProperty("openClose").GetBoolean());
        Assert.Equal(2, sync.GetProperty("change").GetInt32());
        Assert.Equal(JsonValueKind.Object, sync.GetProperty("save").ValueKind);
        Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());
        var codeActions = capabilities.GetProperty("codeActionProvider");
        Assert.Equal(["quickfix", "source.fixAll.notelsp"], codeActions.GetProperty("codeActionKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.True(codeActions.GetProperty("resolveProvider").GetBoolean());
        var diagnostics = capabilities.GetProperty("diagnosticProvider");
        Assert.Equal("notelsp", diagnostics.GetProperty("identifier").GetString());
        Assert.False(diagnostics.GetProperty("interFileDependencies").GetBoolean());
        Assert.False(diagnostics.GetProperty("workspaceDiagnostics").GetBoolean());
        Assert.Equal(
            ["notelsp.maskAllIdentifiers", "notelsp.pseudonymise", "notelsp.documentSummary", "notelsp.disableRuleInWorkspace", "notelsp.listRules"],
            capabilities.GetProperty("executeCommandProvider").GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task A_document_opened_while_the_rules_load_gets_its_full_diagnostics_at_once()
    {
        // initialize is answered before the rule packs are loaded: everything below is sent without waiting for
        // any answer, so it reaches the server while the catalog is still being built.
        const string disabledRule = "privacy.identifier.phone";
        await using var server = LspProcess.Start();
        var initialize = server.StartRequest("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri = (string?)null,
            capabilities = new { },
            initializationOptions = Docs.ImmediateSettings(new { disabled = new[] { disabledRule } }),
        });
        await server.NotifyAsync("initialized", new { });
        var uri = Docs.Uri();
        await server.NotifyAsync("textDocument/didOpen", Docs.Open(uri, Docs.Report));
        var pulled = server.StartRequest("textDocument/diagnostic", new { textDocument = new { uri } });
        Assert.True((await initialize.Response).TryGetProperty("result", out _));

        var expected = RuleEngine.CreateDefault()
            .Lint(Docs.Report, LintOptions.Default with { Format = DocumentFormat.Markdown })
            .Select(f => f.RuleId)
            .Where(id => id != disabledRule)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("dignity.essentialising.label", expected);

        // The first publication is complete and honours the settings; it is never an empty list that fills later.
        var pushed = await server.WaitForDiagnosticsAsync(uri, 1);
        Assert.Equal(expected, pushed.Select(d => d.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        var items = (await pulled.Response).GetProperty("result").GetProperty("items").EnumerateArray();
        Assert.Equal(expected, items.Select(d => d.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{ \"settings\": [] }")]
    [InlineData("{ \"settings\": { \"debounceMs\": \"vite\" } }")]
    public async Task Odd_initialization_options_fall_back_to_the_defaults(string options)
    {
        await using var server = LspProcess.Start();
        var response = await server.RequestAsync("initialize", new { processId = (int?)null, capabilities = new { }, initializationOptions = JsonNode.Parse(options) });
        Assert.True(response.TryGetProperty("result", out _), response.ToString());
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task A_request_before_initialize_is_refused_with_server_not_initialized()
    {
        await using var server = LspProcess.Start();
        var response = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri = Docs.Uri() }, position = Docs.At(0, 0) });
        Assert.Equal(-32002, response.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Exit_after_shutdown_ends_with_code_0()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        Assert.Equal(0, await server.ShutdownAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        await server.NotifyAsync("exit");
        Assert.Equal(1, await server.WaitForExitAsync());
    }

    [Fact]
    public async Task Closing_the_input_without_shutdown_ends_with_code_1()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        server.CloseInput();
        Assert.Equal(1, await server.WaitForExitAsync());
    }

    [Fact]
    public async Task After_shutdown_requests_are_refused_as_invalid()
    {
        await using var server = await LspProcess.StartInitializedAsync();
        Assert.True((await server.RequestAsync("shutdown")).TryGetProperty("result", out _));
        var response = await server.RequestAsync("workspace/executeCommand", new { command = "notelsp.listRules", arguments = Array.Empty<object>() });
        Assert.Equal(-32600, response.GetProperty("error").GetProperty("code").GetInt32());
        await server.NotifyAsync("exit");
        Assert.Equal(0, await server.WaitForExitAsync());
    }
}
