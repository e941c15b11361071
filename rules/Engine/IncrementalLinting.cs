using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// Re-lints a document after an edit so that what a keystroke costs follows the size of the edited paragraph, not of
/// the document. The result is always identical to <see cref="RuleEngine.Lint"/> (a property test checks it over
/// random edit sequences).
/// <para>
/// Usually only the lines the edit touched are looked at again (<see cref="IncrementalLintResult.EditedLinesOnly"/>):
/// they are masked and split into blocks again, the detectors run on the blocks whose text changed, and everything
/// before the edit is kept while everything after it is moved by the edit's length. That is sound when the edit
/// cannot change what lies outside its lines: markdown fences and comments can hide many lines, and suppression
/// directives can hide findings anywhere after them, so an edit whose lines hold a fence or comment character
/// (<c>` ~ &lt; &gt;</c>) or a directive, before or after the change, and any edit of a document with directives,
/// are handled by scanning the whole document again. Even then the detectors run only on the blocks whose masked
/// text is new.
/// </para>
/// </summary>
public static class IncrementalLinting
{
    private static readonly char[] MultiLineMarkdownCharacters = ['`', '~', '<', '>'];

    /// <summary>
    /// Lints <paramref name="text"/>, reusing what <paramref name="previous"/> found when it was made by the same
    /// engine with equal options. Pass null for the first lint of a document.
    /// </summary>
    public static IncrementalLintResult Lint(
        RuleEngine engine, IncrementalLintResult? previous, string text, LintOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(text);
        options ??= LintOptions.Default;
        var reusable = previous is not null && ReferenceEquals(previous.Engine, engine) && previous.Options.Equals(options)
            ? previous.Document
            : null;
        if (reusable is not null && TryRelintEditedLines(engine, reusable, text, options, cancellationToken) is var (local, count))
        {
            return new IncrementalLintResult(engine, options, local, count, editedLinesOnly: true);
        }

        var document = LintedDocument.LintWhole(engine, reusable, text, options, cancellationToken, out var linted);
        return new IncrementalLintResult(engine, options, document, linted, editedLinesOnly: false);
    }

    private static (LintedDocument Document, int Linted)? TryRelintEditedLines(
        RuleEngine engine, LintedDocument old, string text, LintOptions options, CancellationToken cancellationToken)
    {
        if (old.HasDirectives)
        {
            return null;
        }

        if (EditWindow.Between(old.Text, text) is not { } window)
        {
            return (old with { Text = text }, 0);
        }

        var oldLines = old.Text.AsSpan(window.LineStart, window.OldEnd - window.LineStart);
        var newLines = text.AsSpan(window.LineStart, window.NewEnd - window.LineStart);
        if (oldLines.Contains(LintedDocument.DirectiveMarker, StringComparison.Ordinal)
            || newLines.Contains(LintedDocument.DirectiveMarker, StringComparison.Ordinal)
            || (options.Format == DocumentFormat.Markdown
                && (oldLines.IndexOfAny(MultiLineMarkdownCharacters) >= 0 || newLines.IndexOfAny(MultiLineMarkdownCharacters) >= 0)))
        {
            return null;
        }

        if (EndsAtWindow(old.MultiLineHidden, window))
        {
            return null;
        }

        var visible = MaskEditedLines(old, text, window, options.Format, out var multiLine);
        return RelintBlocks(engine, old, text, visible, multiLine, window, options, cancellationToken);
    }

    // Outside the window the masked text is the old one. Inside it, the lines are either all hidden by a fence or a
    // comment that encloses them (none can start or end there: the window holds none of their characters), or
    // masked on their own, since every other hidden construct lies within one line.
    private static string MaskEditedLines(LintedDocument old, string text, EditWindow window, DocumentFormat format, out TextSpan[] multiLine)
    {
        var enclosed = false;
        multiLine = old.MultiLineHidden.Length == 0 ? old.MultiLineHidden : new TextSpan[old.MultiLineHidden.Length];
        for (var i = 0; i < multiLine.Length; i++)
        {
            var span = old.MultiLineHidden[i];
            enclosed |= span.Start < window.LineStart && span.End >= window.OldEnd;
            multiLine[i] = TextSpan.FromBounds(Moved(span.Start, window), Moved(span.End, window));
        }

        var lines = enclosed
            ? DocumentMasker.BlankLines(text, window.LineStart, window.NewEnd)
            : DocumentMasker.MaskLines(text, window.LineStart, window.NewEnd, format);
        if (ReferenceEquals(old.Visible, old.Text) && lines.AsSpan().SequenceEqual(text.AsSpan(window.LineStart, window.NewEnd - window.LineStart)))
        {
            // Nothing was hidden before and nothing is hidden now: the masked text is the text itself.
            return text;
        }

        return string.Concat(old.Visible.AsSpan(0, window.LineStart), lines, old.Visible.AsSpan(window.OldEnd));
    }

    // A hidden part that ends exactly where the edited lines end is either a fence closed on the last line of the text,
    // which what is typed after it leaves, or one left open to the end, which encloses it. The spans alone cannot
    // tell the two apart, so such an edit is handled by scanning the whole document again.
    private static bool EndsAtWindow(TextSpan[] hidden, EditWindow window)
    {
        foreach (var span in hidden)
        {
            if (span.Start < window.LineStart && span.End == window.OldEnd)
            {
                return true;
            }
        }

        return false;
    }

    private static int Moved(int offset, EditWindow window) => offset >= window.OldEnd ? offset + window.Delta : offset;

    private static (LintedDocument Document, int Linted) RelintBlocks(
        RuleEngine engine, LintedDocument old, string text, string visible, TextSpan[] multiLine, EditWindow window,
        LintOptions options, CancellationToken cancellationToken)
    {
        // The old blocks from 'first' to 'last' touch the window, or sit right against it, and may be merged, split or
        // changed; the blocks before them stay, and the ones after them only move.
        var first = FirstEndingAtOrAfter(old.Blocks, window.LineStart);
        var last = LastStartingAtOrBefore(old.Blocks, window.OldEnd);
        var regionStart = first < old.Blocks.Length ? Math.Min(window.LineStart, old.Blocks[first].Start) : window.LineStart;
        var regionEnd = last >= 0 ? Math.Max(window.OldEnd, old.Blocks[last].End) : window.OldEnd;
        var region = Blocks.Split(visible, regionStart, regionEnd + window.Delta);

        var after = old.Blocks.Length - (last + 1);
        var blocks = new TextSpan[first + region.Count + after];
        var blockFindings = new IReadOnlyList<Finding>[blocks.Length];
        Array.Copy(old.Blocks, blocks, first);
        Array.Copy(old.BlockFindings, blockFindings, first);
        var linted = 0;
        for (var i = 0; i < region.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = region[i];
            blocks[first + i] = block;
            if (FindUnchanged(old, first, last, visible.AsSpan(block.Start, block.Length)) is int same)
            {
                blockFindings[first + i] = old.BlockFindings[same];
            }
            else
            {
                blockFindings[first + i] = LintedDocument.InDocumentOrder(engine.LintBlock(visible.Substring(block.Start, block.Length), options));
                linted++;
            }
        }

        for (var i = 0; i < after; i++)
        {
            var from = last + 1 + i;
            blocks[first + region.Count + i] = old.Blocks[from].Shift(window.Delta);
            blockFindings[first + region.Count + i] = old.BlockFindings[from];
        }

        return (Splice(old, text, visible, multiLine, blocks, blockFindings, first, last, region.Count, window.Delta), linted);
    }

    // The old findings of the blocks before the region are kept as they are, those after it are moved, and the
    // region's blocks contribute theirs.
    private static LintedDocument Splice(
        LintedDocument old, string text, string visible, TextSpan[] multiLine, TextSpan[] blocks,
        IReadOnlyList<Finding>[] blockFindings, int first, int last, int regionCount, int delta)
    {
        var oldStarts = old.FindingStarts!;
        var keptBefore = oldStarts[first];
        var movedFrom = oldStarts[last + 1];
        var movedCount = old.Findings.Length - movedFrom;
        var regionFindings = 0;
        for (var i = first; i < first + regionCount; i++)
        {
            regionFindings += blockFindings[i].Count;
        }

        var findings = new Finding[keptBefore + regionFindings + movedCount];
        Array.Copy(old.Findings, findings, keptBefore);
        var starts = new int[blocks.Length + 1];
        Array.Copy(oldStarts, starts, first);
        var at = keptBefore;
        for (var i = first; i < first + regionCount; i++)
        {
            starts[i] = at;
            foreach (var finding in blockFindings[i])
            {
                findings[at++] = finding.Shift(blocks[i].Start);
            }
        }

        for (var i = 0; i < movedCount; i++)
        {
            findings[at + i] = old.Findings[movedFrom + i].Shift(delta);
        }

        var shift = at - movedFrom;
        for (var i = first + regionCount; i <= blocks.Length; i++)
        {
            starts[i] = oldStarts[i - first - regionCount + last + 1] + shift;
        }

        return new LintedDocument
        {
            Text = text,
            Visible = visible,
            MultiLineHidden = multiLine,
            HasDirectives = false,
            Blocks = blocks,
            BlockFindings = blockFindings,
            FindingStarts = starts,
            Findings = findings,
        };
    }

    private static int? FindUnchanged(LintedDocument old, int first, int last, ReadOnlySpan<char> text)
    {
        for (var i = first; i <= last; i++)
        {
            var block = old.Blocks[i];
            if (old.Visible.AsSpan(block.Start, block.Length).SequenceEqual(text))
            {
                return i;
            }
        }

        return null;
    }

    // Block ends only grow, and so do block starts: both searches are binary.
    private static int FirstEndingAtOrAfter(TextSpan[] blocks, int offset)
    {
        int low = 0, high = blocks.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (blocks[middle].End >= offset)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static int LastStartingAtOrBefore(TextSpan[] blocks, int offset)
    {
        int low = 0, high = blocks.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (blocks[middle].Start <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }
}
