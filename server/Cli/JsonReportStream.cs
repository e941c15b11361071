using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// Writes the JSON report v1 one file at a time, byte for byte what serialising the whole <see cref="JsonReport"/>
/// at once gives: the same source-generated contract and the same writer settings (indentation, relaxed escaping),
/// with each file's entry written inside the open "files" array. Only one file's entry is buffered at a time.
/// </summary>
internal sealed class JsonReportStream : IDisposable
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = new char[64 * 1024];

    /// <summary>Starts the report: its version, and the opening of the files array.</summary>
    public JsonReportStream(TextWriter output)
    {
        _output = output;
        var options = JsonReportContext.Readable.Options;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth,
        });
        _json.WriteStartObject();
        _json.WriteNumber(options.PropertyNamingPolicy?.ConvertName(nameof(JsonReport.Version)) ?? nameof(JsonReport.Version), 1);
        _json.WriteStartArray(options.PropertyNamingPolicy?.ConvertName(nameof(JsonReport.Files)) ?? nameof(JsonReport.Files));
    }

    /// <summary>Writes one file's entry.</summary>
    public void Add(JsonFileReport file)
    {
        JsonSerializer.Serialize(_json, file, JsonReportContext.Readable.JsonFileReport);
        Drain();
    }

    /// <summary>Closes the array, writes the rules that fired, closes the report, and ends the line.</summary>
    public void Finish(IReadOnlyDictionary<string, JsonRule> rules)
    {
        _json.WriteEndArray();
        var options = JsonReportContext.Readable.Options;
        _json.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(nameof(JsonReport.Rules)) ?? nameof(JsonReport.Rules));
        JsonSerializer.Serialize(_json, rules, JsonReportContext.Readable.IReadOnlyDictionaryStringJsonRule);
        _json.WriteEndObject();
        Drain();
        _output.WriteLine();
    }

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    // Hands what the writer produced to the output and empties the buffer for the next entry. The text goes through
    // one reused character buffer: a string per entry would be a large object (a report's entry is often over 85 KB
    // as UTF-16), and large objects are only reclaimed by full collections.
    private void Drain()
    {
        _json.Flush();
        var bytes = _buffer.WrittenSpan;
        var length = Encoding.UTF8.GetCharCount(bytes);
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }

        Encoding.UTF8.GetChars(bytes, _chars);
        _output.Write(_chars, 0, length);
        _buffer.ResetWrittenCount();
    }
}
