using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// The outcome of one incremental lint: the document's findings, exactly as <see cref="RuleEngine.Lint"/> gives
/// them, plus the per-block results the next lint may reuse. It is immutable; keep the latest one per open document.
/// </summary>
public sealed class IncrementalLintResult
{
    internal IncrementalLintResult(
        RuleEngine engine, LintOptions options, IReadOnlyList<Finding> findings,
        Dictionary<string, IReadOnlyList<Finding>> blocks, int blockCount, int blocksLinted)
    {
        Engine = engine;
        Options = options;
        Findings = findings;
        BlockResults = blocks;
        BlockCount = blockCount;
        BlocksLinted = blocksLinted;
    }

    /// <summary>The findings of the whole document, suppressions applied, sorted.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The number of blocks (paragraphs) in the document.</summary>
    public int BlockCount { get; }

    /// <summary>How many of them the detectors had to run on; the others were reused. For logs and benchmarks.</summary>
    public int BlocksLinted { get; }

    internal RuleEngine Engine { get; }

    internal LintOptions Options { get; }

    // Block-relative findings keyed by the block's masked text. A block's findings depend only on that text and the
    // options (see RuleEngine.LintBlock), so equal text means equal findings wherever the block sits.
    internal Dictionary<string, IReadOnlyList<Finding>> BlockResults { get; }
}

/// <summary>
/// Re-lints a document after an edit by running the detectors only on blocks whose text changed, so that the time a
/// keystroke costs follows the size of the edited paragraph, not of the document. The result is identical to
/// <see cref="RuleEngine.Lint"/>: the steps that look at the whole document — masking markdown code, comments and
/// URLs (a code fence typed in one paragraph hides the following ones), splitting into blocks, and applying
/// suppression comments — run on the whole new text every time; they are single linear scans, far cheaper than the
/// detectors. Only the per-block detector results are reused, keyed by the block's masked text.
/// </summary>
public static class IncrementalLinting
{
    /// <summary>
    /// Lints <paramref name="text"/>, reusing the block results of <paramref name="previous"/> when it was made by the
    /// same engine with equal options. Pass null for the first lint of a document.
    /// </summary>
    public static IncrementalLintResult Lint(
        RuleEngine engine, IncrementalLintResult? previous, string text, LintOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(text);
        options ??= LintOptions.Default;
        var reusable = previous is not null && ReferenceEquals(previous.Engine, engine) && previous.Options.Equals(options)
            ? previous.BlockResults.GetAlternateLookup<ReadOnlySpan<char>>()
            : (Dictionary<string, IReadOnlyList<Finding>>.AlternateLookup<ReadOnlySpan<char>>?)null;

        var (visible, _) = DocumentMasker.Mask(text, options.Format);
        var blocks = Blocks.Split(visible);
        var results = new Dictionary<string, IReadOnlyList<Finding>>(blocks.Count, StringComparer.Ordinal);
        var current = results.GetAlternateLookup<ReadOnlySpan<char>>();
        var findings = new List<Finding>();
        var linted = 0;
        foreach (var block in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blockText = visible.AsSpan(block.Start, block.Length);
            if (!current.TryGetValue(blockText, out var blockFindings))
            {
                if (reusable is { } lookup && lookup.TryGetValue(blockText, out var key, out var cached))
                {
                    blockFindings = cached;
                    results[key] = cached;
                }
                else
                {
                    var blockString = blockText.ToString();
                    blockFindings = engine.LintBlock(blockString, options);
                    results[blockString] = blockFindings;
                    linted++;
                }
            }

            foreach (var finding in blockFindings)
            {
                findings.Add(finding.Shift(block.Start));
            }
        }

        return new IncrementalLintResult(engine, options, RuleEngine.Finish(text, findings), results, blocks.Count, linted);
    }
}
