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
    private const int KeptTailBytes = 256;

    /// <summary>The largest message body accepted, 64 MiB (documented in docs/lsp-contract.md).</summary>
    public const int MaxContentBytes = 64 * 1024 * 1024;
    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "content-length:"u8.ToArray();
    private readonly ILogger _logger;
    private readonly EnvelopeGuard _guard = new();
    private int _unflushedWrites;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonRpcMessage, JsonRpcMessage> _guardReplies = [];
    private Action? _firstResultWritten;
    private bool _inGarbage;

    /// <summary>
    /// Reads from <paramref name="input"/> and writes to <paramref name="output"/>; calls
    /// <paramref name="firstResultWritten"/> once the first successful answer, that of <c>initialize</c>, is written.
    /// </summary>
    /// <remarks>
    /// The output is written through a <see cref="PipeWriter"/> whose flush writes to the stream itself, so that a
    /// flushed answer is on standard output: the stream overload would copy it there from a background task, which
    /// the end of the process can cut short, and the answer to <c>shutdown</c> was sometimes lost that way.
    /// </remarks>
    public LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, ILogger logger, Action? firstResultWritten = null)
        : base(PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true)), Nerdbank.Streams.PipeExtensions.UsePipeReader(input), formatter)
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

            if (header.Value.Garbage || header.Value.GarbageBefore)
            {
                // One report per run of bytes that holds no header, however long the run.
                if (!_inGarbage)
                {
                    _logger.LogWarning("Octets sans en-tête ignorés jusqu'au prochain en-tête Content-Length.");
                    await ReplyErrorAsync(JsonRpcErrorCode.ParseError, "Octets illisibles ignorés : en-tête Content-Length attendu.", cancellationToken).ConfigureAwait(false);
                }

                _inGarbage = header.Value.Garbage;
                if (header.Value.Garbage)
                {
                    continue;
                }
            }

            _inGarbage = false;
            if (header.Value.OversizedLength is { } oversized)
            {
                _logger.LogWarning("Trame de {Length} octets ignorée : la limite est de {Limit} octets.", oversized, MaxContentBytes);
                if (!await SkipAsync(reader, oversized, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                await ReplyErrorAsync(
                    JsonRpcErrorCode.InvalidRequest,
                    string.Create(CultureInfo.InvariantCulture, $"Message trop volumineux ({oversized} octets) : la limite est de {MaxContentBytes / (1024 * 1024)} Mio par message."),
                    cancellationToken).ConfigureAwait(false);
                continue;
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

            var message = await DeserializeAsync(content, cancellationToken).ConfigureAwait(false);
            if (message is not null)
            {
                return message;
            }
        }
    }

    /// <summary>The message in <paramref name="content"/>, or null once a bad message has been answered or dropped.</summary>
    private async ValueTask<JsonRpcMessage?> DeserializeAsync(byte[] content, CancellationToken cancellationToken)
    {
        EnvelopeGuard.Verdict verdict;
        try
        {
            using var document = JsonDocument.Parse(content);

            // An id holding a lone surrogate cannot be written back as it was sent; elsewhere a lone surrogate becomes
            // U+FFFD, before anything reads the message (a property name holding one ended the session).
            var idIsBroken = SurrogateRepair.IdHasLoneSurrogate(content);
            if (SurrogateRepair.ReplaceLoneSurrogateEscapes(content) is > 0 and var repaired)
            {
                _logger.LogWarning("Message de {Length} octets : {Count} demi-caractère(s) Unicode isolé(s) remplacé(s) par U+FFFD.", content.Length, repaired);
            }

            verdict = idIsBroken
                ? EnvelopeGuard.Verdict.Reply(JsonRpcErrorCode.InvalidRequest, "Requête JSON-RPC invalide : l'identifiant doit être un entier ou une chaîne de caractères valide.", null)
                : _guard.Inspect(document.RootElement);
        }
        catch (JsonException)
        {
            _logger.LogWarning("Message rejeté ({Length} octets) : JSON mal formé.", content.Length);
            await ReplyErrorAsync(JsonRpcErrorCode.ParseError, "JSON mal formé.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        switch (verdict.Action)
        {
            case EnvelopeGuard.VerdictAction.Reply:
                _logger.LogWarning("Message rejeté ({Length} octets) : code {Code}.", content.Length, (int)verdict.Code);
                await ReplyErrorAsync(verdict.Code, verdict.Message, cancellationToken, verdict.Id).ConfigureAwait(false);
                return null;
            case EnvelopeGuard.VerdictAction.Drop:
                _logger.LogWarning("Message ignoré ({Length} octets) : {Reason}.", content.Length, verdict.Message);
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
            var id = Inspect(content);
            _logger.LogWarning("Message rejeté ({Length} octets) : requête JSON-RPC invalide.", content.Length);
            _logger.LogDebug("Détail du rejet : {ExceptionType}", e.GetType().Name);
            await ReplyErrorAsync(JsonRpcErrorCode.InvalidRequest, "Requête JSON-RPC invalide.", cancellationToken, id).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>
    /// Waits, at most <paramref name="limit"/>, until every request received so far has been answered and the answers
    /// flushed: <c>exit</c> follows <c>shutdown</c> at once, and closing the connection before the answer to
    /// <c>shutdown</c> is out would leave the client waiting for it.
    /// </summary>
    public async Task WaitForAnswersAsync(TimeSpan limit)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while ((_guard.HasUnansweredRequests || Volatile.Read(ref _unflushedWrites) > 0)
            && System.Diagnostics.Stopwatch.GetElapsedTime(started) < limit)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }

        _logger.LogDebug("Fin de session : requêtes sans réponse {Unanswered}, écritures non vidées {Unflushed}.", _guard.HasUnansweredRequests, Volatile.Read(ref _unflushedWrites));
    }

    /// <inheritdoc />
    protected override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref _unflushedWrites);
        await base.FlushAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _unflushedWrites, -pending);
    }

    /// <inheritdoc />
    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _unflushedWrites);
        var writer = Writer ?? throw new InvalidOperationException("This handler cannot write.");
        var body = new ArrayBufferWriter<byte>();
        Formatter.Serialize(body, content);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.WrittenCount}\r\n\r\n"));
        writer.Write(header);
        writer.Write(body.WrittenSpan);

        // The guard's own error replies do not end a request: one of them may answer a duplicate of a running id.
        if (!_guardReplies.TryGetValue(content, out _))
        {
            _guard.OnWritten(content);
        }

        if (content is JsonRpcResult && Interlocked.Exchange(ref _firstResultWritten, null) is { } firstResultWritten)
        {
            firstResultWritten();
        }
    }

    private Task ReplyErrorAsync(JsonRpcErrorCode code, string message, CancellationToken cancellationToken, RequestId? id = null)
    {
        var error = new JsonRpcError
        {
            RequestId = id ?? RequestId.Null,
            Error = new JsonRpcError.ErrorDetail { Code = code, Message = message },
        };
        _guardReplies.AddOrUpdate(error, error);
        return WriteAsync(error, cancellationToken).AsTask();
    }

    /// <summary>Reads and forgets <paramref name="length"/> bytes without holding them; false at the end of input.</summary>
    private static async Task<bool> SkipAsync(PipeReader reader, long length, CancellationToken cancellationToken)
    {
        while (length > 0)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var take = Math.Min(length, result.Buffer.Length);
            reader.AdvanceTo(result.Buffer.GetPosition(take));
            length -= take;
            if (length > 0 && result.IsCompleted)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads one header block: null at the end of input; otherwise what the block says. A long run of bytes with no
    /// block end is garbage: it is dropped except for its last bytes, which may hold the start of the next real
    /// header, so a valid frame after any amount of garbage is still read.
    /// </summary>
    private static async Task<HeaderBlock?> ReadHeaderAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadBlock(buffer, out var block, out var next))
            {
                var header = ParseHeader(block);
                reader.AdvanceTo(next);
                return header;
            }

            if (buffer.Length > MaxHeaderBytes)
            {
                reader.AdvanceTo(buffer.GetPosition(buffer.Length - KeptTailBytes));
                return new HeaderBlock(null, null, Garbage: true, GarbageBefore: false);
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
    /// frame may precede it on the same line. A valid length above the cap is reported as such, so that its body is
    /// skipped whole and answered once.
    /// </summary>
    private static HeaderBlock ParseHeader(ReadOnlySequence<byte> block)
    {
        var bytes = block.ToArray();
        var lower = Encoding.ASCII.GetString(bytes).ToLowerInvariant();
        var at = lower.LastIndexOf(Encoding.ASCII.GetString(ContentLengthName), StringComparison.Ordinal);
        if (at < 0)
        {
            return new HeaderBlock(null, null, Garbage: false, GarbageBefore: false);
        }

        var garbageBefore = !IsHeaderLines(lower.AsSpan(0, at));
        var valueStart = at + ContentLengthName.Length;
        var lineEnd = lower.IndexOf("\r\n", valueStart, StringComparison.Ordinal);
        var value = lower[valueStart..(lineEnd < 0 ? lower.Length : lineEnd)].Trim();
        if (!Utf8Parser.TryParse(Encoding.ASCII.GetBytes(value), out long length, out var consumed) || consumed != value.Length || length < 0)
        {
            return new HeaderBlock(null, null, Garbage: false, garbageBefore);
        }

        return length <= MaxContentBytes
            ? new HeaderBlock((int)length, null, Garbage: false, garbageBefore)
            : new HeaderBlock(null, length, Garbage: false, garbageBefore);
    }

    /// <summary>Whether the text before the Content-Length header is whole "Name: value" lines (or nothing).</summary>
    private static bool IsHeaderLines(ReadOnlySpan<char> before)
    {
        while (before.Length > 0)
        {
            var end = before.IndexOf("\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            var line = before[..end];
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[..colon].ContainsAny(" \t"))
            {
                return false;
            }

            before = before[(end + 2)..];
        }

        return true;
    }

    private readonly record struct HeaderBlock(int? ContentLength, long? OversizedLength, bool Garbage, bool GarbageBefore);

    /// <summary>The id of a message StreamJsonRpc could not read, when it is a plain integer or string.</summary>
    private static RequestId? Inspect(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id))
            {
                return null;
            }

            return id.ValueKind switch
            {
                JsonValueKind.Number when id.TryGetInt64(out var number) => new RequestId(number),
                JsonValueKind.String => new RequestId(id.GetString()),
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
