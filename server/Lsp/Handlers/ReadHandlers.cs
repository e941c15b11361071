using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary><c>textDocument/hover</c>: explains the findings under the cursor.</summary>
public sealed class HoverHandler(DocumentStore documents, DocumentAnalysis analysis)
    : ReadRequestHandler<TextDocumentPositionParams, (DocumentSnapshot Snapshot, int Offset), Hover?>(
        "textDocument/hover", LspJsonContext.Wire.TextDocumentPositionParams, LspJsonContext.Wire.Hover)
{
    protected override (DocumentSnapshot Snapshot, int Offset) Capture(TextDocumentPositionParams parameters)
    {
        var snapshot = DocumentLookup.Require(documents, parameters.TextDocument.Uri);
        return (snapshot, DocumentLookup.RequireOffset(snapshot, parameters.Position));
    }

    protected override Hover? Compute((DocumentSnapshot Snapshot, int Offset) captured, CancellationToken cancellationToken)
    {
        var (snapshot, offset) = captured;
        var result = analysis.Analyse(snapshot, cancellationToken);
        var here = result.Findings.Where(f => f.Span.Start <= offset && offset <= f.Span.End).ToList();
        if (here.Count == 0)
        {
            return null;
        }

        var span = TextSpan.FromBounds(here.Min(f => f.Span.Start), here.Max(f => f.Span.End));
        return new Hover(new MarkupContent("markdown", HoverBuilder.Build(here, snapshot.Text)), LspConversions.ToRange(span, snapshot.Lines));
    }
}

/// <summary><c>textDocument/codeAction</c>: the fixes for the findings in the range.</summary>
public sealed class CodeActionHandler(DocumentStore documents, DocumentAnalysis analysis)
    : ReadRequestHandler<CodeActionParams, (DocumentSnapshot Snapshot, TextSpan Range, List<string>? Only), List<CodeAction>>(
        "textDocument/codeAction", LspJsonContext.Wire.CodeActionParams, LspJsonContext.Wire.ListCodeAction)
{
    protected override (DocumentSnapshot Snapshot, TextSpan Range, List<string>? Only) Capture(CodeActionParams parameters)
    {
        var snapshot = DocumentLookup.Require(documents, parameters.TextDocument.Uri);
        return (snapshot, DocumentLookup.RequireSpan(snapshot, parameters.Range), parameters.Context?.Only);
    }

    protected override List<CodeAction> Compute((DocumentSnapshot Snapshot, TextSpan Range, List<string>? Only) captured, CancellationToken cancellationToken) =>
        CodeActionBuilder.Build(analysis.Analyse(captured.Snapshot, cancellationToken), captured.Range, captured.Only);
}

/// <summary><c>codeAction/resolve</c>: computes the heavy edits (pseudonymise everywhere).</summary>
public sealed class CodeActionResolveHandler(DocumentStore documents, PseudonymiseCommand pseudonymise)
    : ReadRequestHandler<CodeAction, (CodeAction Action, DocumentSnapshot? Snapshot), CodeAction>(
        "codeAction/resolve", LspJsonContext.Wire.CodeAction, LspJsonContext.Wire.CodeAction)
{
    protected override (CodeAction Action, DocumentSnapshot? Snapshot) Capture(CodeAction parameters)
    {
        if (parameters.Data is not { Action: "pseudonymise" } data)
        {
            return (parameters, null);
        }

        var snapshot = DocumentLookup.Require(documents, data.Uri);

        // The edit is made of positions in the version the action was offered for; applied to a later text it would
        // replace the wrong characters (issue #14).
        if (snapshot.Version != data.Version)
        {
            throw LspErrors.Create(LspErrors.ContentModified, "Le document a changé depuis que cette action a été proposée : redemandez les actions.");
        }

        return (parameters, snapshot);
    }

    protected override CodeAction Compute((CodeAction Action, DocumentSnapshot? Snapshot) captured, CancellationToken cancellationToken)
    {
        var (action, snapshot) = captured;
        if (snapshot is null || action.Data is not { Name: { } name } data)
        {
            return action;
        }

        var (edit, _) = pseudonymise.BuildEdit(snapshot, name, data.Replacement);
        return action with { Edit = edit };
    }
}

/// <summary><c>textDocument/diagnostic</c>: pull diagnostics, "unchanged" when the result id still holds.</summary>
public sealed class DocumentDiagnosticHandler(DocumentStore documents, DocumentAnalysis analysis)
    : ReadRequestHandler<DocumentDiagnosticParams, (DocumentSnapshot Snapshot, string? PreviousResultId), DocumentDiagnosticReport>(
        "textDocument/diagnostic", LspJsonContext.Wire.DocumentDiagnosticParams, LspJsonContext.Wire.DocumentDiagnosticReport)
{
    protected override (DocumentSnapshot Snapshot, string? PreviousResultId) Capture(DocumentDiagnosticParams parameters) =>
        (DocumentLookup.Require(documents, parameters.TextDocument.Uri), parameters.PreviousResultId);

    protected override DocumentDiagnosticReport Compute((DocumentSnapshot Snapshot, string? PreviousResultId) captured, CancellationToken cancellationToken)
    {
        var result = analysis.Analyse(captured.Snapshot, cancellationToken);
        if (captured.PreviousResultId == result.ResultId)
        {
            return new DocumentDiagnosticReport("unchanged", result.ResultId, null);
        }

        var lines = result.Snapshot.Lines;
        return new DocumentDiagnosticReport("full", result.ResultId, LspConversions.ToDiagnostics(result.Findings, lines, captured.Snapshot.Uri, result.Settings.MaxDiagnosticsPerDocument));
    }
}
