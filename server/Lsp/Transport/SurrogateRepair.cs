namespace Cnaemo.NoteLsp.Server.Lsp.Transport;

/// <summary>
/// Replaces, in a well-formed JSON message, every escaped lone surrogate (<c>\ud800</c> with no low half after it, or
/// a low half alone) by <c>\ufffd</c>, the replacement character. StreamJsonRpc ended the session on a lone surrogate
/// in a property name (found by the fuzzer); and an editor may send one in a document's text, since JavaScript strings
/// can hold them. Both escapes are six bytes and both characters are one UTF-16 unit, so every length and every
/// position in the message stays the same.
/// </summary>
public static class SurrogateRepair
{
    /// <summary>Repairs <paramref name="json"/> in place; returns how many escapes were replaced.</summary>
    public static int ReplaceLoneSurrogateEscapes(Span<byte> json)
    {
        var replaced = 0;
        var inString = false;
        var i = 0;
        while (i < json.Length)
        {
            var b = json[i];
            if (!inString)
            {
                inString = b == (byte)'"';
                i++;
                continue;
            }

            if (b == (byte)'"')
            {
                inString = false;
                i++;
                continue;
            }

            if (b != (byte)'\\' || i + 1 >= json.Length)
            {
                i++;
                continue;
            }

            if (json[i + 1] != (byte)'u' || HexAt(json, i + 2) is not { } unit)
            {
                i += 2;
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDBFF
                && i + 11 < json.Length && json[i + 6] == (byte)'\\' && json[i + 7] == (byte)'u'
                && HexAt(json, i + 8) is >= 0xDC00 and <= 0xDFFF)
            {
                i += 12;
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                "fffd"u8.CopyTo(json[(i + 2)..]);
                replaced++;
            }

            i += 6;
        }

        return replaced;
    }

    /// <summary>Whether the top-level "id" of a well-formed JSON message is a string holding a lone surrogate.</summary>
    public static bool IdHasLoneSurrogate(ReadOnlySpan<byte> json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            var isId = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("id"u8);
            if (!reader.Read())
            {
                return false;
            }

            if (isId)
            {
                if (reader.TokenType != System.Text.Json.JsonTokenType.String || !reader.ValueIsEscaped)
                {
                    return false;
                }

                // The raw value, quotes put back, goes through the repair on a copy: any replacement means a lone one.
                var copy = new byte[reader.ValueSpan.Length + 2];
                copy[0] = copy[^1] = (byte)'"';
                reader.ValueSpan.CopyTo(copy.AsSpan(1));
                return ReplaceLoneSurrogateEscapes(copy) > 0;
            }

            reader.Skip();
        }

        return false;
    }

    private static int? HexAt(ReadOnlySpan<byte> json, int at)
    {
        if (at + 4 > json.Length)
        {
            return null;
        }

        var value = 0;
        foreach (var c in json.Slice(at, 4))
        {
            var digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }

            value = (value * 16) + digit;
        }

        return value;
    }
}
