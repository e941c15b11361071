using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Cnaemo.NoteLsp.Server.Lsp.Transport;

/// <summary>
/// Content-Length framing for LSP over stdio, tolerant of bad input. StreamJsonRpc's own header handler ends the
/// connection on a malformed frame or malformed JSON; an editor server must instead answer with a JSON-RPC error
/// (-32700 parse error, -32600 invalid request) and go on reading. After a bad header block, reading resumes at the
/// next "Content-Length:" header, so one garbled frame costs one message, not the session.
/// </summary>
public sealed class LspMessageHandler : PipeMessageHandler
{
    private const int MaxHeaderBytes = 16 * 1024;
    private const int MaxContentBytes = 64 * 1024 * 1024;
    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "content-length:"u8.ToArray();
    private readonly ILogger _logger;
    private Action? _firstResultWritten;

    /// <summary>
    /// Reads from <paramref name="input"/> and writes to <paramref name="output"/>; calls
    /// <paramref name="firstResultWritten"/> once the first successful answer, that of <c>initialize</c>, is written.
    /// </summary>
    public LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, ILogger logger, Action? firstResultWritten = null)
        : base(output, input, formatter)
    {
        _logger = logger;
        _firstResultWritten = firstResultWritten;
    }

    /// <inheritdoc />
    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var reader = Reader ?? throw new InvalidOperationException("This handler cannot read.");
        while (true)
        {
            var header = await ReadHeaderAsync(reader, cancellationToken).ConfigureAwait(false);
            if (header is null)
            {
                return null;
            }

            if (header.Value.ContentLength is not { } length)
            {
                _logger.LogWarning("Trame rejetée : en-tête Content-Length absent ou invalide.");
                await ReplyErrorAsync(JsonRpcErrorCode.ParseError, "En-tête Content-Length absent ou invalide.", cancellationToken).ConfigureAwait(false);
                continue;
            }

            var content = await ReadContentAsync(reader, length, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                return null;
            }

            try
            {
                return Formatter.Deserialize(new ReadOnlySequence<byte>(content));
            }
#pragma warning disable CA1031 // Any failure to read one message must be answered, and must not end the session.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var (isJson, id) = Inspect(content);
                _logger.LogWarning("Message rejeté ({Length} octets) : {Reason}.", length, isJson ? "requête JSON-RPC invalide" : "JSON mal formé");
                _logger.LogDebug("Détail du rejet : {ExceptionType}", e.GetType().Name);
                await ReplyErrorAsync(
                    isJson ? JsonRpcErrorCode.InvalidRequest : JsonRpcErrorCode.ParseError,
                    isJson ? "Requête JSON-RPC invalide." : "JSON mal formé.",
                    cancellationToken,
                    id).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        var writer = Writer ?? throw new InvalidOperationException("This handler cannot write.");
        var body = new ArrayBufferWriter<byte>();
        Formatter.Serialize(body, content);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.WrittenCount}\r\n\r\n"));
        writer.Write(header);
        writer.Write(body.WrittenSpan);
        if (content is JsonRpcResult && Interlocked.Exchange(ref _firstResultWritten, null) is { } firstResultWritten)
        {
            firstResultWritten();
        }
    }

    private Task ReplyErrorAsync(JsonRpcErrorCode code, string message, CancellationToken cancellationToken, RequestId? id = null) =>
        WriteAsync(
            new JsonRpcError
            {
                RequestId = id ?? RequestId.Null,
                Error = new JsonRpcError.ErrorDetail { Code = code, Message = message },
            },
            cancellationToken).AsTask();

    /// <summary>
    /// Reads one header block: null at the end of input; otherwise the Content-Length it carries, or null inside
    /// the block when it had none that is valid.
    /// </summary>
    private static async Task<HeaderBlock?> ReadHeaderAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadBlock(buffer, out var block, out var next))
            {
                var length = ParseContentLength(block);
                reader.AdvanceTo(next);
                return new HeaderBlock(length);
            }

            if (buffer.Length > MaxHeaderBytes)
            {
                // No terminator in a long run of bytes: drop them and report one bad frame.
                reader.AdvanceTo(buffer.End);
                return new HeaderBlock(null);
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryReadBlock(ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> block, out SequencePosition next)
    {
        var sequenceReader = new SequenceReader<byte>(buffer);
        var found = sequenceReader.TryReadTo(out block, HeaderTerminator, advancePastDelimiter: true);
        next = sequenceReader.Position;
        return found;
    }

    private static async Task<byte[]?> ReadContentAsync(PipeReader reader, int length, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= length)
            {
                var content = buffer.Slice(0, length).ToArray();
                reader.AdvanceTo(buffer.GetPosition(length));
                return content;
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// The value of the last Content-Length header in the block, wherever it starts: garbage left by a previous bad
    /// frame may precede it on the same line.
    /// </summary>
    private static int? ParseContentLength(ReadOnlySequence<byte> block)
    {
        var bytes = block.ToArray();
        var lower = Encoding.ASCII.GetString(bytes).ToLowerInvariant();
        var at = lower.LastIndexOf(Encoding.ASCII.GetString(ContentLengthName), StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var valueStart = at + ContentLengthName.Length;
        var lineEnd = lower.IndexOf("\r\n", valueStart, StringComparison.Ordinal);
        var value = lower[valueStart..(lineEnd < 0 ? lower.Length : lineEnd)].Trim();
        return Utf8Parser.TryParse(Encoding.ASCII.GetBytes(value), out int length, out var consumed)
            && consumed == value.Length && length is >= 0 and <= MaxContentBytes
            ? length
            : null;
    }

    private readonly record struct HeaderBlock(int? ContentLength);

    /// <summary>
    /// Whether the bytes are well-formed JSON and, if the message is an object with a usable id, that id: JSON-RPC
    /// asks that an invalid request's error carry its id when it can be read.
    /// </summary>
    private static (bool IsJson, RequestId? Id) Inspect(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id))
            {
                return (true, null);
            }

            return id.ValueKind switch
            {
                JsonValueKind.Number when id.TryGetInt64(out var number) => (true, new RequestId(number)),
                JsonValueKind.String => (true, new RequestId(id.GetString())),
                _ => (true, null),
            };
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }
}
