using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StreamJsonRpc;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>
/// One LSP method. Every handler is registered in <see cref="HandlerRegistry"/> and declares whether it changes the
/// server's state; <see cref="RequestScheduler"/> reads that declaration. A handler runs in two steps: <see
/// cref="Begin"/>, in arrival order, reads the parameters and takes what the work needs (a document snapshot); the
/// work it returns then runs alone for a mutating handler, or on the thread pool beside other reads for a read.
/// </summary>
public interface ILspHandler
{
    /// <summary>The LSP method name, such as <c>textDocument/hover</c>.</summary>
    string Method { get; }

    /// <summary>True for notifications (no answer is sent).</summary>
    bool IsNotification { get; }

    /// <summary>True when the handler changes documents, settings or the lifecycle.</summary>
    bool MutatesState { get; }

    /// <summary>
    /// Reads the parameters and captures the state the work reads. It runs after every earlier mutation has ended
    /// and before any later one starts, so a read sees exactly the changes sent before it.
    /// </summary>
    Func<CancellationToken, Task<JsonElement>> Begin(JsonElement parameters);
}

/// <summary>JSON-RPC error codes used by the handlers.</summary>
public static class LspErrors
{
    /// <summary>Invalid parameters.</summary>
    public const int InvalidParams = -32602;

    /// <summary>A request before <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>A request after <c>shutdown</c>.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>The document changed since the data the request carries was computed.</summary>
    public const int ContentModified = -32801;

    /// <summary>The request failed for a reason the message explains.</summary>
    public const int RequestFailed = -32803;

    /// <summary>An error the client sees, with a message that never contains document text.</summary>
    public static LocalRpcException Create(int code, string message) => new(message) { ErrorCode = code };
}

/// <summary>
/// A request that changes the server's state (initialize, shutdown, commands): it runs alone, after the messages
/// sent before it and before those sent after it.
/// </summary>
public abstract class RequestHandler<TParams, TResult>(string method, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType) : ILspHandler
{
    public string Method => method;

    public bool IsNotification => false;

    public virtual bool MutatesState => true;

    public Func<CancellationToken, Task<JsonElement>> Begin(JsonElement parameters)
    {
        var typed = HandlerParams.Read(parameters, paramsType, method);
        return async cancellationToken => JsonSerializer.SerializeToElement(await RespondAsync(typed, cancellationToken).ConfigureAwait(false), resultType);
    }

    /// <summary>Handles the request.</summary>
    protected abstract Task<TResult> RespondAsync(TParams parameters, CancellationToken cancellationToken);
}

/// <summary>
/// A request that only reads: <see cref="Capture"/> takes its snapshot in arrival order, then <see cref="Compute"/>
/// runs on the thread pool, beside other reads, so that the next messages (a change, a <c>$/cancelRequest</c>) are
/// handled while the engine runs; the engine stops between blocks once the client cancels.
/// </summary>
public abstract class ReadRequestHandler<TParams, TCaptured, TResult>(string method, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType) : ILspHandler
{
    public string Method => method;

    public bool IsNotification => false;

    public bool MutatesState => false;

    public Func<CancellationToken, Task<JsonElement>> Begin(JsonElement parameters)
    {
        var captured = Capture(HandlerParams.Read(parameters, paramsType, method));
        return cancellationToken => Task.FromResult(JsonSerializer.SerializeToElement(Compute(captured, cancellationToken), resultType));
    }

    /// <summary>Takes what the request reads (a snapshot); cheap, since later messages wait for it.</summary>
    protected abstract TCaptured Capture(TParams parameters);

    /// <summary>Computes the answer from what was captured; checks the token between steps.</summary>
    protected abstract TResult Compute(TCaptured captured, CancellationToken cancellationToken);
}

/// <summary>
/// A notification. Notifications change state by default (document sync, settings) and apply in arrival order;
/// their work is synchronous, so it is done when the next message starts.
/// </summary>
public abstract class NotificationHandler<TParams>(string method, JsonTypeInfo<TParams> paramsType) : ILspHandler
{
    private static readonly Task<JsonElement> Done = Task.FromResult(HandlerParams.Null);

    public string Method => method;

    public bool IsNotification => true;

    public virtual bool MutatesState => true;

    public Func<CancellationToken, Task<JsonElement>> Begin(JsonElement parameters)
    {
        var typed = HandlerParams.Read(parameters, paramsType, method);
        return _ =>
        {
            Handle(typed);
            return Done;
        };
    }

    /// <summary>Handles the notification.</summary>
    protected abstract void Handle(TParams parameters);
}

/// <summary>Reads handler parameters, turning bad JSON shapes into -32602.</summary>
public static class HandlerParams
{
    /// <summary>JSON null.</summary>
    public static JsonElement Null { get; } = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>Deserialises <paramref name="parameters"/> or throws an invalid-params error naming the method.</summary>
    public static T Read<T>(JsonElement parameters, JsonTypeInfo<T> type, string method)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (parameters.ValueKind is JsonValueKind.Undefined)
        {
            parameters = Null;
        }

        T value;
        try
        {
            value = JsonSerializer.Deserialize(parameters, type)
                ?? throw LspErrors.Create(LspErrors.InvalidParams, $"{method} : paramètres manquants.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string holding a lone surrogate, among others.
            throw LspErrors.Create(LspErrors.InvalidParams, $"{method} : paramètres invalides.");
        }

        if (RequiredMembers.FirstMissing(value, type) is { } missing)
        {
            throw LspErrors.Create(LspErrors.InvalidParams, $"{method} : paramètre « {missing} » manquant ou nul.");
        }

        return value;
    }
}
