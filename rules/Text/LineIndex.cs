namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>A zero-based line and a zero-based column counted in UTF-16 code units, as LSP positions are.</summary>
public readonly record struct LinePosition(int Line, int Character);

/// <summary>Converts between offsets and line/column positions. Lines end at \n, \r\n or \r.</summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    /// <summary>Indexes the line starts of <paramref name="text"/>.</summary>
    public LineIndex(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
        _length = text.Length;
    }

    /// <summary>The number of lines (an empty text has one).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The offset at which line <paramref name="line"/> starts.</summary>
    public int LineStart(int line) => _lineStarts[line];

    /// <summary>The position of an offset; the offset may equal the text length.</summary>
    public LinePosition GetPosition(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, _length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>
    /// The offset of a position, or null when the line does not exist or the column runs past the line's end
    /// (its line break excluded). Callers turn null into a protocol error rather than guessing.
    /// </summary>
    public int? TryGetOffset(LinePosition position)
    {
        if (position.Line < 0 || position.Line >= _lineStarts.Length || position.Character < 0)
        {
            return null;
        }

        var start = _lineStarts[position.Line];
        var end = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : _length;
        var offset = start + position.Character;
        return offset <= end ? offset : null;
    }
}
