using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnaemo.NoteLsp.Server.Lsp.Protocol;

/// <summary>
/// Source-generated serialisation for every LSP record, so the server needs no reflection (NativeAOT). Null
/// members are left out, as LSP clients expect optional fields to be absent rather than null.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(DocumentDiagnosticReport))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(CodeAction))]
[JsonSerializable(typeof(List<CodeAction>))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(List<JsonElement>))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWorkspaceTrustParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(NoteLspSettings))]
[JsonSerializable(typeof(WorkspaceFileSettings))]
[JsonSerializable(typeof(TextDocumentEdit))]
[JsonSerializable(typeof(CreateFile))]
[JsonSerializable(typeof(MaskResult))]
[JsonSerializable(typeof(PseudonymiseResult))]
[JsonSerializable(typeof(DisableRuleResult))]
[JsonSerializable(typeof(DocumentSummary))]
[JsonSerializable(typeof(List<RuleSummary>))]
[JsonSerializable(typeof(string))]
// StreamJsonRpc 2.26 reads the "id" of $/cancelRequest as a RequestId through this resolver; without this entry
// cancellation notifications are dropped as "arguments do not match".
[JsonSerializable(typeof(StreamJsonRpc.RequestId))]
// StreamJsonRpc attaches this to the error replies it writes itself (a duplicate id, a method it cannot bind); without
// it the reply cannot be written and the connection ends.
[JsonSerializable(typeof(StreamJsonRpc.Protocol.CommonErrorData))]
public sealed partial class LspJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context used on the wire: French text is written unescaped, which clients read either way. JSON-RPC
    /// messages are never embedded in HTML, so the relaxed escaping is safe.
    /// </summary>
    public static LspJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>The same, indented: for files people read, such as <c>.notelsp.json</c>.</summary>
    public static LspJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });
}
