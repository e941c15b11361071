namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// The whole lines that differ between two versions of a document. Before <see cref="LineStart"/> the two texts
/// are equal; from <see cref="OldEnd"/> in the old text and <see cref="NewEnd"/> in the new one to their ends they
/// are equal too. Both bounds fall on line starts (or the text's end), so every line outside the window is the same
/// line, moved by <see cref="Delta"/> when it comes after it.
/// </summary>
internal readonly record struct EditWindow(int LineStart, int OldEnd, int NewEnd)
{
    /// <summary>How far the text after the window moved.</summary>
    public int Delta => NewEnd - OldEnd;

    /// <summary>
    /// The window between <paramref name="oldText"/> and <paramref name="newText"/>, or null when they are equal.
    /// It costs two vectorised comparisons of the texts, much less than masking or splitting them again.
    /// </summary>
    public static EditWindow? Between(string oldText, string newText)
    {
        var prefix = oldText.AsSpan().CommonPrefixLength(newText);
        if (prefix == oldText.Length && prefix == newText.Length)
        {
            return null;
        }

        var room = Math.Min(oldText.Length, newText.Length) - prefix;
        var suffix = CommonSuffixLength(oldText.AsSpan(oldText.Length - room), newText.AsSpan(newText.Length - room));
        var lineStart = prefix == 0 ? 0 : oldText.LastIndexOf('\n', prefix - 1) + 1;

        // The window ends after the first line break at or after the end of the change. That break and all that
        // follows it lie in the common suffix, so the same offset minus the delta is a line start in the old text.
        var changedEnd = newText.Length - suffix;
        var newline = newText.IndexOf('\n', changedEnd);
        var newEnd = newline < 0 ? newText.Length : newline + 1;
        var oldEnd = newEnd - (newText.Length - oldText.Length);
        return new EditWindow(lineStart, oldEnd, newEnd);
    }

    /// <summary>How many code units at the ends of the two spans are equal.</summary>
    internal static int CommonSuffixLength(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var limit = Math.Min(first.Length, second.Length);
        var matched = 0;
        var chunk = 64;
        while (matched < limit)
        {
            // Compare growing chunks from the end with the vectorised SequenceEqual; look at single characters only
            // in the chunk that holds the first difference.
            var size = Math.Min(chunk, limit - matched);
            var a = first.Slice(first.Length - matched - size, size);
            var b = second.Slice(second.Length - matched - size, size);
            if (a.SequenceEqual(b))
            {
                matched += size;
                chunk = Math.Min(chunk * 2, 1 << 16);
                continue;
            }

            for (var i = size - 1; a[i] == b[i]; i--)
            {
                matched++;
            }

            return matched;
        }

        return matched;
    }
}
