using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>
/// Lints a document the way <see cref="RuleEngine.Lint"/> does, but reuses the findings of blocks (paragraphs) whose
/// text has not changed since the previous run: a block's findings depend on nothing outside it, so a keystroke
/// re-lints only its own paragraph. The result is identical to a full lint (a property test checks it).
/// </summary>
public sealed class IncrementalLinter
{
    private readonly Lock _lock = new();
    private BlockCache _cache = BlockCache.Empty;

    /// <summary>Lints <paramref name="text"/>, reusing unchanged blocks of the previous call.</summary>
    public IReadOnlyList<Finding> Lint(RuleEngine engine, string text, LintOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        BlockCache previous;
        lock (_lock)
        {
            previous = _cache;
        }

        // A cache built under other rules or options is worthless: start afresh.
        if (!ReferenceEquals(previous.Engine, engine) || !ReferenceEquals(previous.Options, options))
        {
            previous = BlockCache.Empty;
        }

        var (visible, _) = DocumentMasker.Mask(text, options.Format);
        var next = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var block in Blocks.Split(visible))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blockText = visible.Substring(block.Start, block.Length);
            if (!next.TryGetValue(blockText, out var blockFindings) && !previous.Findings.TryGetValue(blockText, out blockFindings))
            {
                blockFindings = engine.LintBlock(blockText, options);
            }

            next[blockText] = blockFindings;
            foreach (var finding in blockFindings)
            {
                findings.Add(finding.Shift(block.Start));
            }
        }

        lock (_lock)
        {
            _cache = new BlockCache(engine, options, next);
        }

        return RuleEngine.Finish(text, findings);
    }

    /// <summary>The findings per block text of the last run, with the engine and options they were computed under.</summary>
    private sealed record BlockCache(RuleEngine? Engine, LintOptions? Options, IReadOnlyDictionary<string, IReadOnlyList<Finding>> Findings)
    {
        public static BlockCache Empty { get; } = new(null, null, new Dictionary<string, IReadOnlyList<Finding>>());
    }
}
