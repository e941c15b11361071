using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnaemo.NoteLsp.Server.Lsp.Protocol;

// The LSP 3.17 records this server reads and writes. They are the project's own types, serialised by the
// source-generated LspJsonContext, so that nothing depends on reflection (NativeAOT). Only the fields the server
// uses are declared; unknown fields sent by clients are ignored.

/// <summary>A zero-based line and UTF-16 column.</summary>
public sealed record Position(int Line, int Character);

/// <summary>A range between two positions, end exclusive.</summary>
public sealed record Range(Position Start, Position End);

/// <summary>A range in a document.</summary>
public sealed record Location(string Uri, Range Range);

/// <summary>Names a document.</summary>
public sealed record TextDocumentIdentifier(string Uri);

/// <summary>Names a document at a version; the version is null for files on disk.</summary>
public sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

/// <summary>A document as the client opens it.</summary>
public sealed record TextDocumentItem(string Uri, string? LanguageId, int Version, string Text);

/// <summary>One replacement of text.</summary>
public sealed record TextEdit(Range Range, string NewText);

/// <summary>Edits to several documents, keyed by URI, or a list of document changes (file creation and edits).</summary>
public sealed record WorkspaceEdit
{
    /// <summary>Edits per document URI.</summary>
    public Dictionary<string, List<TextEdit>>? Changes { get; init; }

    /// <summary>Ordered resource operations and document edits, used to create <c>.notelsp.json</c>.</summary>
    public List<JsonElement>? DocumentChanges { get; init; }
}

/// <summary>A document edit at a version, inside <see cref="WorkspaceEdit.DocumentChanges"/>.</summary>
public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, List<TextEdit> Edits);

/// <summary>A document identifier whose version may be null (file not open in the editor).</summary>
public sealed record OptionalVersionedTextDocumentIdentifier(
    string Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version);

/// <summary>Creates a file, inside <see cref="WorkspaceEdit.DocumentChanges"/>.</summary>
public sealed record CreateFile(string Uri, CreateFileOptions? Options)
{
    /// <summary>Always "create".</summary>
    public string Kind { get; init; } = "create";
}

/// <summary>Options of <see cref="CreateFile"/>.</summary>
public sealed record CreateFileOptions(bool? Overwrite, bool? IgnoreIfExists);

/// <summary>A command a client may run, here always handled by the server.</summary>
/// <remarks>The wire name of <see cref="CommandName"/> is "command"; a C# member cannot share its type's name.</remarks>
public sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandName, List<JsonElement>? Arguments);

/// <summary>Markdown or plain text for hovers.</summary>
public sealed record MarkupContent(string Kind, string Value);

/// <summary>The message types of <c>window/logMessage</c>.</summary>
public enum MessageType
{
    Error = 1,
    Warning = 2,
    Info = 3,
    Log = 4,
}

/// <summary>Parameters of <c>window/logMessage</c> and <c>window/showMessage</c>.</summary>
public sealed record LogMessageParams(MessageType Type, string Message);

/// <summary>Parameters of <c>workspace/applyEdit</c>.</summary>
public sealed record ApplyWorkspaceEditParams(string? Label, WorkspaceEdit Edit);

/// <summary>The client's answer to <c>workspace/applyEdit</c>.</summary>
public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason);

/// <summary>Parameters of <c>workspace/configuration</c>.</summary>
public sealed record ConfigurationParams(List<ConfigurationItem> Items);

/// <summary>One configuration section requested.</summary>
public sealed record ConfigurationItem(string? ScopeUri, string? Section);
