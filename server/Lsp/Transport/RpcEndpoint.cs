using System.Text.Json;
using Cnaemo.NoteLsp.Server.Lsp.Handlers;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Transport;

/// <summary>
/// The object StreamJsonRpc invokes for one LSP method. It enforces the lifecycle (nothing before
/// <c>initialize</c>, nothing but <c>exit</c> after <c>shutdown</c>), then calls the handler. Its methods take and
/// return <see cref="JsonElement"/>, so StreamJsonRpc serialises nothing but JSON values. StreamJsonRpc calls these
/// methods one at a time in arrival order, and each queues its message in <see cref="RequestScheduler"/> before
/// it first yields, so the scheduler sees the messages in arrival order.
/// </summary>
public sealed class RpcEndpoint(ILspHandler handler, RequestScheduler scheduler, ServerState state, ILogger logger)
{
    /// <summary>Answers a request.</summary>
    public async Task<JsonElement> RequestAsync(JsonElement parameters = default, CancellationToken cancellationToken = default)
    {
        if (handler.Method != "initialize" && !state.IsInitialized)
        {
            throw LspErrors.Create(LspErrors.ServerNotInitialized, "Le serveur attend d'abord la requête initialize.");
        }

        if (state.IsShutdownRequested)
        {
            throw LspErrors.Create(LspErrors.InvalidRequest, "Le serveur est en cours d'arrêt : seule la notification exit est acceptée.");
        }

        if (handler.Method == "initialize" && state.IsInitialized)
        {
            throw LspErrors.Create(LspErrors.InvalidRequest, "initialize a déjà été reçu.");
        }

        logger.LogDebug("→ {Method}", handler.Method);
        try
        {
            return await scheduler.RunAsync(handler, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not StreamJsonRpc.LocalRpcException and not OperationCanceledException)
        {
            // Only the exception's type is reported: its message or stack could quote document text.
            logger.LogError("Requête {Method} en échec ({Error}).", handler.Method, e.GetType().Name);
            throw LspErrors.Create(LspErrors.RequestFailed, $"Erreur interne du serveur ({e.GetType().Name}).");
        }
    }

    /// <summary>Handles a notification; errors are logged, since notifications get no answer.</summary>
    public async Task NotifyAsync(JsonElement parameters = default)
    {
        if (handler.Method != "exit" && (!state.IsInitialized || state.IsShutdownRequested))
        {
            logger.LogDebug("Notification {Method} ignorée hors session.", handler.Method);
            return;
        }

        try
        {
            await scheduler.RunAsync(handler, parameters, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StreamJsonRpc.LocalRpcException e)
        {
            logger.LogWarning("Notification {Method} rejetée : {Reason}", handler.Method, e.Message);
        }
#pragma warning disable CA1031 // One bad notification must not end the session.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError("Notification {Method} en échec ({Error}).", handler.Method, e.GetType().Name);
        }
    }
}
