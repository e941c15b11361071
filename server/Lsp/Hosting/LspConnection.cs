using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Cnaemo.NoteLsp.Server.Lsp.Handlers;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace Cnaemo.NoteLsp.Server.Lsp.Hosting;

/// <summary>Builds the StreamJsonRpc connection over two streams and registers every handler.</summary>
public static class LspConnection
{
    private static readonly MethodInfo RequestMethod = typeof(RpcEndpoint).GetMethod(nameof(RpcEndpoint.RequestAsync))!;
    private static readonly MethodInfo NotificationMethod = typeof(RpcEndpoint).GetMethod(nameof(RpcEndpoint.NotifyAsync))!;

    /// <summary>
    /// Creates the connection, and gives its message handler, which knows what is still unanswered; the caller
    /// starts listening.
    /// </summary>
    public static JsonRpc Create(Stream output, Stream input, IEnumerable<ILspHandler> handlers, ServerState state, ILoggerFactory loggerFactory, out LspMessageHandler messageHandler)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var transportLogger = loggerFactory.CreateLogger("notelsp.transport");
        messageHandler = new LspMessageHandler(output, input, CreateFormatter(), transportLogger, state.MarkInitializeAnswered);
        var rpc = new JsonRpc(messageHandler)
        {
            // Methods start one at a time, in arrival order, so that they reach the scheduler in that order; the
            // scheduler then decides what runs when (RequestScheduler).
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };

        // StreamJsonRpc's trace goes nowhere. Its default listener writes every error reply, message and stack
        // included, to syslog through /dev/log: a channel this server never declares (issue #14).
        rpc.TraceSource = new TraceSource("notelsp.rpc", SourceLevels.Off);
        rpc.TraceSource.Listeners.Clear();

        var endpointLogger = loggerFactory.CreateLogger("notelsp.dispatch");
        var scheduler = new RequestScheduler();
        foreach (var handler in handlers)
        {
            var endpoint = new RpcEndpoint(handler, scheduler, state, endpointLogger);
            rpc.AddLocalRpcMethod(
                handler.IsNotification ? NotificationMethod : RequestMethod,
                endpoint,
                new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = true });
        }

        return rpc;
    }

    /// <summary>
    /// Runs, on another thread while the host starts, the one-time work of the first connection that does not
    /// depend on it: the class constructors behind the formatter, and the serialisation metadata of
    /// <c>initialize</c>. Building the connection and answering <c>initialize</c> then cost 2.6 million instructions
    /// on the path to the answer instead of 5.3 million (callgrind, docs/performance.md).
    /// </summary>
    public static void WarmUp()
    {
        _ = CreateFormatter();
        InitializeHandler.WarmUp();
    }

    /// <summary>
    /// The System.Text.Json formatter with the source-generated LSP context. StreamJsonRpc prepends its own
    /// generated metadata for its envelope types; every payload this server exchanges is a JsonElement or an LSP
    /// record of <see cref="LspJsonContext"/>, so no reflection-based serialisation happens at run time.
    /// </summary>
    /// <remarks>
    /// StreamJsonRpc 2.26 marks this constructor RequiresUnreferencedCode/RequiresDynamicCode because the formatter
    /// can also carry "exotic" types (IProgress, IAsyncEnumerable, marshalable objects) through reflection. This
    /// server uses none of them, and the library's NativeAOT guide prescribes exactly this configuration (source
    /// generated TypeInfoResolver) with these two suppressions.
    /// </remarks>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Payloads are JsonElement or LspJsonContext types; no exotic types are used.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Payloads are JsonElement or LspJsonContext types; no exotic types are used.")]
    private static SystemTextJsonFormatter CreateFormatter() => new()
    {
        JsonSerializerOptions = new JsonSerializerOptions
        {
            TypeInfoResolver = LspJsonContext.Wire,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        },
    };
}
