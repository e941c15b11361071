using System.Text.Json.Serialization.Metadata;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary><c>textDocument/didOpen</c>: stores the text and publishes diagnostics at once.</summary>
public sealed class DidOpenHandler(DocumentStore documents, DiagnosticsPublisher publisher)
    : NotificationHandler<DidOpenTextDocumentParams>("textDocument/didOpen", LspJsonContext.Wire.DidOpenTextDocumentParams)
{
    protected override void Handle(DidOpenTextDocumentParams parameters)
    {
        var item = parameters.TextDocument;
        documents.Open(item.Uri, item.LanguageId, item.Version, item.Text ?? "");
        publisher.Schedule(item.Uri, immediate: true);
    }
}

/// <summary><c>textDocument/didChange</c>: applies the ranges in order, rejects stale versions, debounces diagnostics.</summary>
public sealed class DidChangeHandler(DocumentStore documents, DiagnosticsPublisher publisher, ILogger<DidChangeHandler> logger)
    : NotificationHandler<DidChangeTextDocumentParams>("textDocument/didChange", LspJsonContext.Wire.DidChangeTextDocumentParams)
{
    protected override void Handle(DidChangeTextDocumentParams parameters)
    {
        var (snapshot, rejection) = documents.Change(parameters.TextDocument.Uri, parameters.TextDocument.Version, parameters.ContentChanges ?? []);
        switch (rejection)
        {
            case ChangeRejection.None:
                publisher.Schedule(parameters.TextDocument.Uri);
                break;
            case ChangeRejection.UnknownDocument:
                logger.LogWarning("Modification ignorée : document non ouvert ({Scheme}).", DocumentLookup.SchemeOf(parameters.TextDocument.Uri));
                break;
            case ChangeRejection.StaleVersion:
                logger.LogWarning("Modification ignorée : version {Version} non postérieure à la version courante {Current}.", parameters.TextDocument.Version, snapshot?.Version);
                break;
            case ChangeRejection.RangeOutOfText:
                logger.LogWarning("Modification ignorée : plage hors du texte (version {Version}). Le client doit renvoyer le document.", parameters.TextDocument.Version);
                break;
        }
    }
}

/// <summary><c>textDocument/didClose</c>: forgets the document and clears its diagnostics.</summary>
public sealed class DidCloseHandler(DocumentStore documents, DocumentAnalysis analysis, DiagnosticsPublisher publisher)
    : NotificationHandler<DidCloseTextDocumentParams>("textDocument/didClose", LspJsonContext.Wire.DidCloseTextDocumentParams)
{
    protected override void Handle(DidCloseTextDocumentParams parameters)
    {
        var uri = parameters.TextDocument.Uri;
        documents.Close(uri);
        analysis.Forget(uri);
        _ = publisher.ClearAsync(uri);
    }
}

/// <summary><c>textDocument/didSave</c>: republishes diagnostics at once (the text is already in sync).</summary>
public sealed class DidSaveHandler(DocumentStore documents, DiagnosticsPublisher publisher)
    : NotificationHandler<DidSaveTextDocumentParams>("textDocument/didSave", LspJsonContext.Wire.DidSaveTextDocumentParams)
{
    public override bool MutatesState => false;

    protected override void Handle(DidSaveTextDocumentParams parameters)
    {
        if (documents.Get(parameters.TextDocument.Uri) is not null)
        {
            publisher.Schedule(parameters.TextDocument.Uri, immediate: true);
        }
    }
}
