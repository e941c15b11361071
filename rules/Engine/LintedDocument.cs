using System.Runtime.InteropServices;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// Everything one lint of a document found out, kept so that the next lint after an edit can reuse it: the text, its
/// masked form, the hidden spans that cross lines, the blocks, each block's findings and the document's findings.
/// </summary>
internal sealed record LintedDocument
{
    /// <summary>The document's text.</summary>
    public required string Text { get; init; }

    /// <summary>The text with its non-prose parts blanked (<see cref="DocumentMasker"/>).</summary>
    public required string Visible { get; init; }

    /// <summary>Code fences and HTML comments, which may hide several lines; sorted by start.</summary>
    public required TextSpan[] MultiLineHidden { get; init; }

    /// <summary>True when the text holds a suppression directive, which can hide findings anywhere after it.</summary>
    public required bool HasDirectives { get; init; }

    /// <summary>The blocks (paragraphs) of <see cref="Visible"/>, in order.</summary>
    public required TextSpan[] Blocks { get; init; }

    /// <summary>Each block's findings relative to the block, without duplicates and in document order.</summary>
    public required IReadOnlyList<Finding>[] BlockFindings { get; init; }

    /// <summary>
    /// Where each block's findings begin in <see cref="Findings"/>, plus their total at the end; null when the text
    /// has directives, since those may remove findings from any block.
    /// </summary>
    public required int[]? FindingStarts { get; init; }

    /// <summary>The findings of the whole document, as <see cref="RuleEngine.Lint"/> returns them.</summary>
    public required Finding[] Findings { get; init; }

    /// <summary>The text a directive starts with; a document without it has no directive.</summary>
    public const string DirectiveMarker = "notelsp-";

    /// <summary>
    /// Lints a whole document, taking the findings of any block whose masked text is unchanged from
    /// <paramref name="previous"/> (or repeated within the document) instead of running the detectors on it again.
    /// </summary>
    public static LintedDocument LintWhole(
        RuleEngine engine, LintedDocument? previous, string text, LintOptions options, CancellationToken cancellationToken, out int linted)
    {
        var (visible, _, multiLine) = DocumentMasker.MaskDocument(text, options.Format);
        var blocks = Engine.Blocks.Split(visible).ToArray();
        var earlier = previous is null ? null : BlockTexts.Index(previous.Visible, previous.Blocks);
        var current = new BlockTexts(visible);
        var blockFindings = new IReadOnlyList<Finding>[blocks.Length];
        linted = 0;
        for (var i = 0; i < blocks.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = blocks[i];
            if (current.Find(visible.AsSpan(block.Start, block.Length)) is int repeated)
            {
                blockFindings[i] = blockFindings[repeated];
            }
            else if (earlier?.Find(visible.AsSpan(block.Start, block.Length)) is int unchanged)
            {
                blockFindings[i] = previous!.BlockFindings[unchanged];
            }
            else
            {
                blockFindings[i] = InDocumentOrder(engine.LintBlock(visible.Substring(block.Start, block.Length), options));
                linted++;
            }

            current.Add(block, i);
        }

        return Assemble(text, visible, multiLine, blocks, blockFindings);
    }

    /// <summary>
    /// Builds the document's findings from its blocks': each block's list is already in order and blocks do not
    /// overlap, so concatenating them gives what <see cref="RuleEngine.Finish"/> gives, without sorting the whole.
    /// </summary>
    public static LintedDocument Assemble(
        string text, string visible, TextSpan[] multiLine, TextSpan[] blocks, IReadOnlyList<Finding>[] blockFindings)
    {
        var starts = new int[blocks.Length + 1];
        var total = 0;
        for (var i = 0; i < blocks.Length; i++)
        {
            starts[i] = total;
            total += blockFindings[i].Count;
        }

        starts[blocks.Length] = total;
        var findings = new Finding[total];
        for (var i = 0; i < blocks.Length; i++)
        {
            var offset = blocks[i].Start;
            var at = starts[i];
            foreach (var finding in blockFindings[i])
            {
                findings[at++] = finding.Shift(offset);
            }
        }

        var hasDirectives = text.Contains(DirectiveMarker, StringComparison.Ordinal);
        return new LintedDocument
        {
            Text = text,
            Visible = visible,
            MultiLineHidden = multiLine,
            HasDirectives = hasDirectives,
            Blocks = blocks,
            BlockFindings = blockFindings,
            FindingStarts = hasDirectives ? null : starts,
            Findings = hasDirectives ? [.. ApplyDirectives(text, findings)] : findings,
        };
    }

    /// <summary>
    /// One block's findings as the document's would order them: duplicates (same rule, same span) removed keeping
    /// the first, then sorted by start, end and rule id; the same steps, in the same order, as
    /// <see cref="RuleEngine.Finish"/>. A directive's verdict depends only on a finding's rule and start, so
    /// removing duplicates before applying directives changes nothing.
    /// </summary>
    public static IReadOnlyList<Finding> InDocumentOrder(IReadOnlyList<Finding> findings) =>
        findings.Count switch
        {
            0 => [],
            1 => findings,
            _ => [.. findings
                .DistinctBy(f => (f.RuleId, f.Span))
                .OrderBy(f => f.Span.Start)
                .ThenBy(f => f.Span.End)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)],
        };

    private static IEnumerable<Finding> ApplyDirectives(string text, Finding[] findings)
    {
        var lines = new LineIndex(text);
        var suppressions = Suppressions.Parse(text, lines);
        // A directive names rules: it removes the parts of a grouped finding it names, which may move the group's start.
        return findings
            .Select(f => FindingGrouping.Without(f, part => suppressions.Covers(part, lines), text))
            .OfType<Finding>()
            .OrderBy(f => f.Span.Start)
            .ThenBy(f => f.Span.End)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal);
    }

    /// <summary>Finds a block by its masked text, without copying the texts: by hash, then by comparison.</summary>
    private sealed class BlockTexts(string visible)
    {
        private readonly Dictionary<int, (TextSpan Span, int Index)> _byHash = [];

        public static BlockTexts Index(string visible, TextSpan[] blocks)
        {
            var index = new BlockTexts(visible);
            for (var i = 0; i < blocks.Length; i++)
            {
                index.Add(blocks[i], i);
            }

            return index;
        }

        // Two different texts with the same hash keep the first: the second is then linted again, which is correct,
        // only slower.
        public void Add(TextSpan block, int index) =>
            _byHash.TryAdd(string.GetHashCode(visible.AsSpan(block.Start, block.Length)), (block, index));

        public int? Find(ReadOnlySpan<char> text)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_byHash, string.GetHashCode(text));
            return !System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry)
                && visible.AsSpan(entry.Span.Start, entry.Span.Length).SequenceEqual(text) ? entry.Index : null;
        }
    }
}
