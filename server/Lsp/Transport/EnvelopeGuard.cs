using System.Collections.Concurrent;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Cnaemo.NoteLsp.Server.Lsp.Transport;

/// <summary>
/// Checks the JSON-RPC envelope of each incoming message before StreamJsonRpc sees it. StreamJsonRpc ends the whole
/// connection on several messages a client may send by mistake: a response nobody asked for (or a second answer to
/// the same request), a "method" that is not a string, an id that is not a usable number or string (a lone
/// surrogate), or a second request with the id of one still running. The guard lets through only what
/// StreamJsonRpc handles safely; the rest is answered with an error when it carries a usable id, or dropped with a
/// log line when it does not.
/// </summary>
public sealed class EnvelopeGuard
{
    private readonly ConcurrentDictionary<RequestId, byte> _awaitingAnswer = new();
    private readonly ConcurrentDictionary<RequestId, byte> _inFlight = new();

    /// <summary>True while a request of the client has not been answered yet.</summary>
    public bool HasUnansweredRequests => !_inFlight.IsEmpty;

    /// <summary>Records a message the server writes: its requests expect an answer, its answers end a request.</summary>
    public void OnWritten(JsonRpcMessage message)
    {
        switch (message)
        {
            case JsonRpcRequest { IsResponseExpected: true } request:
                _awaitingAnswer[request.RequestId] = 0;
                break;
            case JsonRpcResult result:
                _inFlight.TryRemove(result.RequestId, out _);
                break;
            case JsonRpcError { RequestId: var id } when !id.IsNull:
                _inFlight.TryRemove(id, out _);
                break;
        }
    }

    /// <summary>Decides what to do with one message body that is well-formed JSON.</summary>
    public Verdict Inspect(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Verdict.Reply(JsonRpcErrorCode.InvalidRequest, "Requête JSON-RPC invalide : le message doit être un objet JSON.", null);
        }

        var hasId = root.TryGetProperty("id", out var idElement);
        RequestId? id = null;
        if (hasId && !TryReadId(idElement, out id))
        {
            return Verdict.Reply(JsonRpcErrorCode.InvalidRequest, "Requête JSON-RPC invalide : l'identifiant doit être un entier ou une chaîne de caractères valide.", null);
        }

        if (!root.TryGetProperty("method", out var method))
        {
            return InspectResponse(root, id);
        }

        if (method.ValueKind != JsonValueKind.String || !IsWellFormed(method))
        {
            return RejectRequest("Requête JSON-RPC invalide : le champ method doit être une chaîne de caractères.", id);
        }

        if (root.TryGetProperty("params", out var parameters)
            && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
        {
            return id is { IsNull: false }
                ? Verdict.Reply(JsonRpcErrorCode.InvalidParams, "Paramètres invalides : params doit être un objet ou un tableau.", id)
                : Verdict.Drop("notification dont les paramètres ne sont ni un objet ni un tableau");
        }

        if (id is { IsNull: false } requestId && !_inFlight.TryAdd(requestId, 0))
        {
            return Verdict.Reply(JsonRpcErrorCode.InvalidRequest, "Requête refusée : une requête portant le même identifiant est encore en cours.", requestId, untracked: true);
        }

        return Verdict.Pass;
    }

    private Verdict InspectResponse(JsonElement root, RequestId? id)
    {
        if (id is not { IsNull: false } responseId)
        {
            return Verdict.Drop("message sans méthode ni identifiant");
        }

        var isResponse = root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _);
        if (!isResponse)
        {
            return Verdict.Reply(JsonRpcErrorCode.InvalidRequest, "Requête JSON-RPC invalide : le champ method manque.", responseId, untracked: true);
        }

        // Only the first answer to a request this server sent is passed on; StreamJsonRpc stops on any other.
        return _awaitingAnswer.TryRemove(responseId, out _)
            ? Verdict.Pass
            : Verdict.Drop("réponse à une requête que le serveur n'a pas envoyée, ou déjà reçue");
    }

    private static Verdict RejectRequest(string message, RequestId? id) =>
        id is { IsNull: false }
            ? Verdict.Reply(JsonRpcErrorCode.InvalidRequest, message, id, untracked: true)
            : Verdict.Drop("champ method invalide");

    /// <summary>An id StreamJsonRpc can carry and write back: an integer, a string of whole UTF-16 characters, or null.</summary>
    private static bool TryReadId(JsonElement element, out RequestId? id)
    {
        id = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                id = RequestId.Null;
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out var number):
                id = new RequestId(number);
                return true;
            case JsonValueKind.String when IsWellFormed(element):
                id = new RequestId(element.GetString());
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether a JSON string decodes to text without a lone surrogate.</summary>
    private static bool IsWellFormed(JsonElement text)
    {
        string? value;
        try
        {
            value = text.GetString();
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        if (value is null)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What to do with a message: pass it on, answer it with an error, or drop it with a log line.</summary>
    /// <param name="Action">The decision.</param>
    /// <param name="Code">The error code of a reply.</param>
    /// <param name="Message">The French message of a reply, or the reason of a drop (never message content).</param>
    /// <param name="Id">The id a reply carries (null when the message had none that can be written back).</param>
    /// <param name="Untracked">True when the reply must not end the request already running with the same id.</param>
    public readonly record struct Verdict(VerdictAction Action, JsonRpcErrorCode Code, string Message, RequestId? Id, bool Untracked)
    {
        /// <summary>Pass the message on to StreamJsonRpc.</summary>
        public static Verdict Pass => new(VerdictAction.Pass, default, string.Empty, null, false);

        /// <summary>Answer with an error.</summary>
        public static Verdict Reply(JsonRpcErrorCode code, string message, RequestId? id, bool untracked = false) =>
            new(VerdictAction.Reply, code, message, id, untracked);

        /// <summary>Drop with a log line giving the reason.</summary>
        public static Verdict Drop(string reason) => new(VerdictAction.Drop, default, reason, null, false);
    }

    /// <summary>The three decisions.</summary>
    public enum VerdictAction
    {
        /// <summary>Hand to StreamJsonRpc.</summary>
        Pass,

        /// <summary>Answer with an error.</summary>
        Reply,

        /// <summary>Drop and log.</summary>
        Drop,
    }
}
