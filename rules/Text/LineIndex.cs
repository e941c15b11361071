using Cnaemo.NoteLsp.Rules.Model;

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
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int> { 0 };
        AddStarts(text, 1, text.Length, starts);
        _lineStarts = [.. starts];
        _length = text.Length;
    }

    private LineIndex(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    /// <summary>
    /// The index of <paramref name="newText"/>, which is this index's text with <paramref name="replaced"/> replaced
    /// by <paramref name="insertedLength"/> code units. Only the lines around the edit are looked at, so an edit
    /// costs a copy of the line starts rather than a scan of the whole text.
    /// </summary>
    public LineIndex WithEdit(TextSpan replaced, int insertedLength, string newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        if (replaced.Start < 0 || replaced.End > _length || newText.Length != _length - replaced.Length + insertedLength)
        {
            throw new ArgumentOutOfRangeException(nameof(replaced), "The edit does not match the indexed text.");
        }

        // Whether an offset starts a line depends on the character before it and, after a \r, on the one at it. Starts
        // before the edit depend only on the text before it, and starts after the first character following it only
        // on the text after it: only the starts from the edit's start to just after its inserted text are computed.
        var delta = insertedLength - replaced.Length;
        var keptBefore = LowerBound(replaced.Start);
        var movedFrom = LowerBound(replaced.End + 1);
        var starts = new List<int>(_lineStarts.Length - movedFrom + keptBefore + 8);
        starts.AddRange(_lineStarts.AsSpan(0, keptBefore));
        if (replaced.Start == 0)
        {
            starts.Add(0);
        }

        AddStarts(newText, Math.Max(replaced.Start, 1), replaced.Start + insertedLength, starts);
        foreach (var start in _lineStarts.AsSpan(movedFrom))
        {
            starts.Add(start + delta);
        }

        return new LineIndex([.. starts], newText.Length);
    }

    // Adds every line start in [from, to] (both included) of the text; 'from' is at least 1.
    private static void AddStarts(string text, int from, int to, List<int> starts)
    {
        var offset = from - 1;
        while (offset < to)
        {
            var found = text.AsSpan(offset, to - offset).IndexOfAny('\r', '\n');
            if (found < 0)
            {
                return;
            }

            offset += found;
            if (text[offset] == '\r' && offset + 1 < text.Length && text[offset + 1] == '\n')
            {
                offset++;
            }

            if (offset + 1 <= to)
            {
                starts.Add(offset + 1);
            }

            offset++;
        }
    }

    // The index of the first line start at or after the offset.
    private int LowerBound(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index;
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
