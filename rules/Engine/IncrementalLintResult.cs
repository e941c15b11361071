using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// The outcome of one incremental lint: the document's findings, exactly as <see cref="RuleEngine.Lint"/> gives
/// them, plus what the next lint may reuse. It is immutable; keep the latest one per open document.
/// </summary>
public sealed class IncrementalLintResult
{
    internal IncrementalLintResult(RuleEngine engine, LintOptions options, LintedDocument document, int blocksLinted, bool editedLinesOnly)
    {
        Engine = engine;
        Options = options;
        Document = document;
        BlocksLinted = blocksLinted;
        EditedLinesOnly = editedLinesOnly;
    }

    /// <summary>The findings of the whole document, suppressions applied, sorted.</summary>
    public IReadOnlyList<Finding> Findings => Document.Findings;

    /// <summary>The number of blocks (paragraphs) in the document.</summary>
    public int BlockCount => Document.Blocks.Length;

    /// <summary>How many of them the detectors had to run on; the others were reused. For logs and benchmarks.</summary>
    public int BlocksLinted { get; }

    /// <summary>
    /// True when only the lines the edit touched were masked and split again, and the rest of the previous result
    /// was moved into place; false when the whole document was scanned. For tests and benchmarks.
    /// </summary>
    public bool EditedLinesOnly { get; }

    internal RuleEngine Engine { get; }

    internal LintOptions Options { get; }

    internal LintedDocument Document { get; }
}
