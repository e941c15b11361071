using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>Finds open documents and converts request positions, with protocol errors that carry no text.</summary>
public static class DocumentLookup
{
    /// <summary>The open document, or an invalid-params error naming only the URI's scheme.</summary>
    public static DocumentSnapshot Require(DocumentStore documents, string? uri)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return uri is not null && documents.Get(uri) is { } snapshot
            ? snapshot
            : throw LspErrors.Create(LspErrors.InvalidParams, $"Document inconnu ({SchemeOf(uri)}) : il doit d'abord être ouvert (textDocument/didOpen).");
    }

    /// <summary>The offset of a position, or an invalid-params error.</summary>
    public static int RequireOffset(DocumentSnapshot snapshot, Position position)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return LspConversions.ToOffset(position, snapshot.Text, snapshot.Lines)
            ?? throw LspErrors.Create(LspErrors.InvalidParams, $"Position hors du document (ligne {position.Line}, colonne {position.Character}).");
    }

    /// <summary>The span of a range, or an invalid-params error.</summary>
    public static TextSpan RequireSpan(DocumentSnapshot snapshot, Protocol.Range range)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(range);
        return LspConversions.ToSpan(range, snapshot.Text, snapshot.Lines)
            ?? throw LspErrors.Create(LspErrors.InvalidParams, $"Plage hors du document (lignes {range.Start.Line} à {range.End.Line}).");
    }

    /// <summary>"file:", "untitled:"… or "URI absente": the only part of a URI safe to put in a message.</summary>
    public static string SchemeOf(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "URI absente";
        }

        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && uri[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? $"schéma {uri[..(colon + 1)]}" : "URI sans schéma";
    }
}
