using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// Splits a document into blocks separated by blank lines. Rules look no further than a block, which is what
/// lets the server re-lint only the paragraphs a keystroke touched.
/// </summary>
public static class Blocks
{
    /// <summary>The blocks of <paramref name="text"/>, covering every non-blank line once.</summary>
    public static List<TextSpan> Split(string text)
    {
        var blocks = new List<TextSpan>();
        var blockStart = -1;
        var index = 0;
        while (index < text.Length)
        {
            var newline = text.IndexOf('\n', index);
            var lineEnd = newline < 0 ? text.Length : newline + 1;
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
            blocks.Add(TextSpan.FromBounds(blockStart, text.Length));
        }

        return blocks;
    }
}
