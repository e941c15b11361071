using System.Text.Json;

namespace Cnaemo.NoteLsp.Server.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/didOpen</c>.</summary>
public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>Parameters of <c>textDocument/didChange</c>.</summary>
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, List<TextDocumentContentChangeEvent> ContentChanges);

/// <summary>One change: a range replaced by text, or the whole text when <see cref="Range"/> is null.</summary>
public sealed record TextDocumentContentChangeEvent(Range? Range, int? RangeLength, string Text);

/// <summary>Parameters of <c>textDocument/didClose</c>.</summary>
public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

/// <summary>Parameters of <c>textDocument/didSave</c>.</summary>
public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);

/// <summary>Parameters of <c>textDocument/hover</c>.</summary>
public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

/// <summary>The answer to <c>textDocument/hover</c>.</summary>
public sealed record Hover(MarkupContent Contents, Range? Range);

/// <summary>Parameters of <c>textDocument/publishDiagnostics</c>.</summary>
public sealed record PublishDiagnosticsParams(string Uri, int? Version, List<Diagnostic> Diagnostics);

/// <summary>An LSP diagnostic built from one finding.</summary>
public sealed record Diagnostic
{
    /// <summary>Where.</summary>
    public required Range Range { get; init; }

    /// <summary>1 error, 2 warning, 3 information, 4 hint.</summary>
    public int? Severity { get; init; }

    /// <summary>The rule id.</summary>
    public string? Code { get; init; }

    /// <summary>The rule's first reference.</summary>
    public CodeDescription? CodeDescription { get; init; }

    /// <summary>Always "notelsp" for this server's diagnostics.</summary>
    public string? Source { get; init; }

    /// <summary>The French message.</summary>
    public required string Message { get; init; }

    /// <summary>For a grouped finding, each rule that matched, at its own words; absent otherwise.</summary>
    public List<DiagnosticRelatedInformation>? RelatedInformation { get; init; }

    /// <summary>Category, family and rule id, for clients that group or filter.</summary>
    public DiagnosticData? Data { get; init; }
}

/// <summary>A place related to a diagnostic, with its own message: one part of a grouped finding.</summary>
public sealed record DiagnosticRelatedInformation(Location Location, string Message);

/// <summary>A link explaining a diagnostic's code.</summary>
public sealed record CodeDescription(string Href);

/// <summary>The <c>data</c> of a diagnostic: part of the contract with the clients.</summary>
public sealed record DiagnosticData(string Category, string Family, string RuleId)
{
    /// <summary>
    /// For a grouped finding (one fact that several rules of its category flagged), each rule's finding with its
    /// range, so that a client can explain each part and act on one; absent for a finding of one rule.
    /// </summary>
    public List<DiagnosticPart>? Parts { get; init; }
}

/// <summary>One part of a grouped diagnostic: the rule, its range, its severity (LSP number) and its message.</summary>
public sealed record DiagnosticPart(string RuleId, Range Range, int Severity, string Message);

/// <summary>Parameters of <c>textDocument/diagnostic</c>.</summary>
public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier, string? PreviousResultId);

/// <summary>A full or unchanged diagnostic report; <see cref="Items"/> is null for "unchanged".</summary>
public sealed record DocumentDiagnosticReport(string Kind, string ResultId, List<Diagnostic>? Items);

/// <summary>Parameters of <c>textDocument/codeAction</c>.</summary>
public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

/// <summary>The diagnostics the client shows at the range, and the kinds of action it wants.</summary>
public sealed record CodeActionContext(List<Diagnostic>? Diagnostics, List<string>? Only, int? TriggerKind);

/// <summary>A code action; heavy ones carry <see cref="Data"/> and get their edit in <c>codeAction/resolve</c>.</summary>
public sealed record CodeAction
{
    /// <summary>The menu entry.</summary>
    public required string Title { get; init; }

    /// <summary>"quickfix" or "source.fixAll.notelsp".</summary>
    public string? Kind { get; init; }

    /// <summary>The diagnostics this action fixes.</summary>
    public List<Diagnostic>? Diagnostics { get; init; }

    /// <summary>True on the best rephrasing.</summary>
    public bool? IsPreferred { get; init; }

    /// <summary>The edit, unless it is computed on resolve.</summary>
    public WorkspaceEdit? Edit { get; init; }

    /// <summary>A command to run after the edit.</summary>
    public Command? Command { get; init; }

    /// <summary>What resolve needs to compute the edit.</summary>
    public CodeActionData? Data { get; init; }
}

/// <summary>The data a deferred code action keeps until <c>codeAction/resolve</c>.</summary>
public sealed record CodeActionData(string Action, string Uri, int Version, string? Name, string? Replacement);

/// <summary>Parameters of <c>workspace/executeCommand</c>.</summary>
public sealed record ExecuteCommandParams(string Command, List<JsonElement>? Arguments);
