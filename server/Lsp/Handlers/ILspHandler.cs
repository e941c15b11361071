using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StreamJsonRpc;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>
/// One LSP method. Every handler is registered in <see cref="HandlerRegistry"/> and declares whether it changes the
/// server's state: mutating handlers run to completion in arrival order, read handlers work on snapshots and may
/// run side by side.
/// </summary>
public interface ILspHandler
{
    /// <summary>The LSP method name, such as <c>textDocument/hover</c>.</summary>
    string Method { get; }

    /// <summary>True for notifications (no answer is sent).</summary>
    bool IsNotification { get; }

    /// <summary>True when the handler changes documents, settings or the lifecycle.</summary>
    bool MutatesState { get; }

    /// <summary>Runs the handler on raw parameters; returns the raw result (JSON null for none).</summary>
    Task<JsonElement> HandleAsync(JsonElement parameters, CancellationToken cancellationToken);
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

/// <summary>A request handler with typed parameters and result.</summary>
public abstract class RequestHandler<TParams, TResult> : ILspHandler
{
    /// <inheritdoc />
    public abstract string Method { get; }

    /// <inheritdoc />
    public bool IsNotification => false;

    /// <inheritdoc />
    public virtual bool MutatesState => false;

    /// <summary>How to read the parameters.</summary>
    protected abstract JsonTypeInfo<TParams> ParamsType { get; }

    /// <summary>How to write the result.</summary>
    protected abstract JsonTypeInfo<TResult> ResultType { get; }

    /// <inheritdoc />
    public async Task<JsonElement> HandleAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var typed = HandlerParams.Read(parameters, ParamsType, Method);
        var result = await RespondAsync(typed, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToElement(result, ResultType);
    }

    /// <summary>Handles the request.</summary>
    protected abstract Task<TResult> RespondAsync(TParams parameters, CancellationToken cancellationToken);
}

/// <summary>A notification handler with typed parameters.</summary>
public abstract class NotificationHandler<TParams> : ILspHandler
{
    /// <inheritdoc />
    public abstract string Method { get; }

    /// <inheritdoc />
    public bool IsNotification => true;

    /// <inheritdoc />
    public virtual bool MutatesState => true;

    /// <summary>How to read the parameters.</summary>
    protected abstract JsonTypeInfo<TParams> ParamsType { get; }

    /// <inheritdoc />
    public Task<JsonElement> HandleAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        Handle(HandlerParams.Read(parameters, ParamsType, Method));
        return Task.FromResult(HandlerParams.Null);
    }

    /// <summary>Handles the notification, synchronously so that notifications apply in order.</summary>
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
