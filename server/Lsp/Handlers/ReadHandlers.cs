using System.Text.Json.Serialization.Metadata;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>
/// Base of the read handlers: they take the current snapshot synchronously, then lint it on the thread pool, so
/// that the next messages (a change, a <c>$/cancelRequest</c>) are handled while the engine runs; the engine stops
/// between blocks once the client cancels.
/// </summary>
public abstract class SnapshotRequestHandler<TParams, TResult>(DocumentAnalysis analysis) : RequestHandler<TParams, TResult>
{
    /// <summary>The snapshot and its findings, linted off the dispatch thread.</summary>
    protected Task<AnalysisResult> AnalyseAsync(DocumentSnapshot snapshot, CancellationToken cancellationToken) =>
        Task.Run(() => analysis.Analyse(snapshot, cancellationToken), cancellationToken);
}

/// <summary><c>textDocument/hover</c>: explains the findings under the cursor.</summary>
public sealed class HoverHandler(DocumentStore documents, DocumentAnalysis analysis) : SnapshotRequestHandler<TextDocumentPositionParams, Hover?>(analysis)
{
    /// <inheritdoc />
    public override string Method => "textDocument/hover";

    /// <inheritdoc />
    protected override JsonTypeInfo<TextDocumentPositionParams> ParamsType => LspJsonContext.Wire.TextDocumentPositionParams;

    /// <inheritdoc />
    protected override JsonTypeInfo<Hover?> ResultType => LspJsonContext.Wire.Hover;

    /// <inheritdoc />
    protected override async Task<Hover?> RespondAsync(TextDocumentPositionParams parameters, CancellationToken cancellationToken)
    {
        var snapshot = DocumentLookup.Require(documents, parameters.TextDocument.Uri);
        var offset = DocumentLookup.RequireOffset(snapshot, parameters.Position);
        var result = await AnalyseAsync(snapshot, cancellationToken).ConfigureAwait(false);
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
public sealed class CodeActionHandler(DocumentStore documents, DocumentAnalysis analysis) : SnapshotRequestHandler<CodeActionParams, List<CodeAction>>(analysis)
{
    /// <inheritdoc />
    public override string Method => "textDocument/codeAction";

    /// <inheritdoc />
    protected override JsonTypeInfo<CodeActionParams> ParamsType => LspJsonContext.Wire.CodeActionParams;

    /// <inheritdoc />
    protected override JsonTypeInfo<List<CodeAction>> ResultType => LspJsonContext.Wire.ListCodeAction;

    /// <inheritdoc />
    protected override async Task<List<CodeAction>> RespondAsync(CodeActionParams parameters, CancellationToken cancellationToken)
    {
        var snapshot = DocumentLookup.Require(documents, parameters.TextDocument.Uri);
        var range = DocumentLookup.RequireSpan(snapshot, parameters.Range);
        var result = await AnalyseAsync(snapshot, cancellationToken).ConfigureAwait(false);
        return CodeActionBuilder.Build(result, range, parameters.Context?.Only);
    }
}

/// <summary><c>codeAction/resolve</c>: computes the heavy edits (pseudonymise everywhere).</summary>
public sealed class CodeActionResolveHandler(DocumentStore documents, PseudonymiseCommand pseudonymise) : RequestHandler<CodeAction, CodeAction>
{
    /// <inheritdoc />
    public override string Method => "codeAction/resolve";

    /// <inheritdoc />
    protected override JsonTypeInfo<CodeAction> ParamsType => LspJsonContext.Wire.CodeAction;

    /// <inheritdoc />
    protected override JsonTypeInfo<CodeAction> ResultType => LspJsonContext.Wire.CodeAction;

    /// <inheritdoc />
    protected override Task<CodeAction> RespondAsync(CodeAction parameters, CancellationToken cancellationToken)
    {
        if (parameters.Data is not { Action: "pseudonymise", Name: { } name } data)
        {
            return Task.FromResult(parameters);
        }

        var snapshot = DocumentLookup.Require(documents, data.Uri);

        // The edit is made of positions in the version the action was offered for; applied to a later text it would
        // replace the wrong characters (issue #14).
        if (snapshot.Version != data.Version)
        {
            throw LspErrors.Create(LspErrors.ContentModified, "Le document a changé depuis que cette action a été proposée : redemandez les actions.");
        }

        var (edit, _) = pseudonymise.BuildEdit(snapshot, name, data.Replacement);
        return Task.FromResult(parameters with { Edit = edit });
    }
}

/// <summary><c>textDocument/diagnostic</c>: pull diagnostics, "unchanged" when the result id still holds.</summary>
public sealed class DocumentDiagnosticHandler(DocumentStore documents, DocumentAnalysis analysis) : SnapshotRequestHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>(analysis)
{
    /// <inheritdoc />
    public override string Method => "textDocument/diagnostic";

    /// <inheritdoc />
    protected override JsonTypeInfo<DocumentDiagnosticParams> ParamsType => LspJsonContext.Wire.DocumentDiagnosticParams;

    /// <inheritdoc />
    protected override JsonTypeInfo<DocumentDiagnosticReport> ResultType => LspJsonContext.Wire.DocumentDiagnosticReport;

    /// <inheritdoc />
    protected override async Task<DocumentDiagnosticReport> RespondAsync(DocumentDiagnosticParams parameters, CancellationToken cancellationToken)
    {
        var snapshot = DocumentLookup.Require(documents, parameters.TextDocument.Uri);
        var result = await AnalyseAsync(snapshot, cancellationToken).ConfigureAwait(false);
        if (parameters.PreviousResultId == result.ResultId)
        {
            return new DocumentDiagnosticReport("unchanged", result.ResultId, null);
        }

        var lines = result.Snapshot.Lines;
        return new DocumentDiagnosticReport("full", result.ResultId, LspConversions.ToDiagnostics(result.Findings, lines, snapshot.Uri, result.Settings.MaxDiagnosticsPerDocument));
    }
}
