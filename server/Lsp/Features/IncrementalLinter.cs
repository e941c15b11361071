using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>
/// Holds one document's last incremental lint, so that the next keystroke re-lints only the paragraphs it changed.
/// The reuse itself is the engine's (<see cref="IncrementalLinting"/>), whose results are identical to a full
/// <see cref="RuleEngine.Lint"/>; this class only keeps the previous result between calls, thread-safely.
/// </summary>
public sealed class IncrementalLinter
{
    private readonly Lock _lock = new();
    private IncrementalLintResult? _previous;

    /// <summary>Lints <paramref name="text"/>, reusing unchanged blocks of the previous call.</summary>
    public IReadOnlyList<Finding> Lint(RuleEngine engine, string text, LintOptions options, CancellationToken cancellationToken)
    {
        IncrementalLintResult? previous;
        lock (_lock)
        {
            previous = _previous;
        }

        var result = IncrementalLinting.Lint(engine, previous, text, options, cancellationToken);
        lock (_lock)
        {
            _previous = result;
        }

        return result.Findings;
    }
}
