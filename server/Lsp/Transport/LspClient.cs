using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using StreamJsonRpc;

namespace Cnaemo.NoteLsp.Server.Lsp.Transport;

/// <summary>
/// Messages from the server to the client: notifications (diagnostics, log lines) and requests (configuration,
/// workspace edits). Parameters are serialised by the source-generated context and handed to StreamJsonRpc as one
/// JSON value per top-level property, so StreamJsonRpc never reflects over a parameter object.
/// </summary>
public sealed class LspClient
{
    private JsonRpc? _rpc;

    /// <summary>True once the connection is up.</summary>
    public bool IsConnected => _rpc is { IsDisposed: false };

    /// <summary>Attaches the connection; before that, outgoing messages are dropped.</summary>
    public void Attach(JsonRpc rpc) => _rpc = rpc;

    /// <summary>Sends a notification; does nothing when the connection is closed.</summary>
    public async Task NotifyAsync<T>(string method, T parameters, JsonTypeInfo<T> type)
    {
        if (_rpc is not { IsDisposed: false } rpc)
        {
            return;
        }

        var (arguments, types) = Split(JsonSerializer.SerializeToElement(parameters, type));
        try
        {
            await rpc.NotifyWithParameterObjectAsync(method, arguments, types).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or ConnectionLostException)
        {
            // The client went away; there is nobody left to tell.
        }
    }

    /// <summary>Sends a request and returns the raw result.</summary>
    public async Task<JsonElement> RequestAsync<T>(string method, T parameters, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var rpc = _rpc is { IsDisposed: false } r ? r : throw new ConnectionLostException();
        var (arguments, types) = Split(JsonSerializer.SerializeToElement(parameters, type));
        return await rpc.InvokeWithParameterObjectAsync<JsonElement>(method, arguments, types, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the client to apply an edit; returns whether it did.</summary>
    public async Task<bool> ApplyEditAsync(string label, WorkspaceEdit edit, CancellationToken cancellationToken)
    {
        var result = await RequestAsync("workspace/applyEdit", new ApplyWorkspaceEditParams(label, edit), LspJsonContext.Wire.ApplyWorkspaceEditParams, cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty("applied", out var applied)
            && applied.ValueKind == JsonValueKind.True;
    }

    private static (Dictionary<string, object?> Arguments, Dictionary<string, Type> Types) Split(JsonElement element)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            arguments[property.Name] = property.Value;
            types[property.Name] = typeof(JsonElement);
        }

        return (arguments, types);
    }
}
