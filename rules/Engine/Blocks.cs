using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// Splits a document into blocks separated by blank lines. Rules look no further than a block, which is what
/// lets the server re-lint only the paragraphs a keystroke touched.
/// </summary>
public static class Blocks
{
    /// <summary>The blocks of <paramref name="text"/>, covering every non-blank line once.</summary>
    public static List<TextSpan> Split(string text) => Split(text, 0, text.Length);

    /// <summary>
    /// The blocks of the lines <c>[start, end)</c> of <paramref name="text"/>, in document offsets.
    /// <paramref name="start"/> must be the start of a line and <paramref name="end"/> the start of a line or the
    /// end of the text.
    /// </summary>
    public static List<TextSpan> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var blocks = new List<TextSpan>();
        var blockStart = -1;
        var index = start;
        while (index < end)
        {
            var newline = text.IndexOf('\n', index, end - index);
            var lineEnd = newline < 0 ? end : newline + 1;
            var blank = text.AsSpan(index, lineEnd - index).IsWhiteSpace();
            if (blank && blockStart >= 0)
            {
                blocks.Add(TextSpan.FromBounds(blockStart, index));
                blockStart = -1;
            }
            else if (!blank && blockStart < 0)
            {
                blockStart = index;
            }

            index = lineEnd;
        }

        if (blockStart >= 0)
        {
            blocks.Add(TextSpan.FromBounds(blockStart, end));
        }

        return blocks;
    }
}
