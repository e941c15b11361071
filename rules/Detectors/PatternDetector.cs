using System.Text.RegularExpressions;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Rules.Validators;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// Runs one pattern rule: a non-backtracking regular expression over the folded or original text, then the
/// rule's validator (a checksum, a prefix check) and context words.
/// </summary>
public sealed class PatternDetector : IDetector
{
    private readonly RuleDefinition _definition;
    private readonly PatternMatcher _matcher;
    private readonly Regex _regex;
    private readonly Regex[] _antipatterns;

    /// <summary>Compiles the rule's pattern.</summary>
    public PatternDetector(RuleDefinition definition)
    {
        _definition = definition;
        _matcher = (PatternMatcher)definition.Matcher;
        _regex = PatternCompiler.Compile(_matcher.Pattern);
        _antipatterns = [.. _matcher.Antipatterns.Select(PatternCompiler.Compile)];
    }

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (!sink.IsEnabled(_definition.Descriptor))
        {
            return;
        }

        var haystack = _matcher.OnOriginalText ? context.Text : context.Folded.Value;
        List<TextSpan>? excluded = null;
        try
        {
            foreach (var anti in _antipatterns)
            {
                foreach (var m in anti.EnumerateMatches(haystack))
                {
                    (excluded ??= []).Add(new TextSpan(m.Index, m.Length));
                }
            }

            foreach (var m in _regex.EnumerateMatches(haystack))
            {
                if (m.Length == 0)
                {
                    continue;
                }

                var raw = new TextSpan(m.Index, m.Length);
                if (excluded is not null && excluded.Any(x => x.Contains(raw)))
                {
                    continue;
                }

                var span = _matcher.OnOriginalText ? raw : context.Folded.ToOriginal(raw.Start, raw.End);
                var matched = context.Text.Substring(span.Start, span.Length);
                if (_matcher.Validator is { } validator && !IdentifierValidators.Validate(validator, matched))
                {
                    continue;
                }

                var first = context.TokenIndexAt(span.Start);
                var end = Math.Max(first + 1, context.TokenIndexAt(span.End));
                if (_definition.Requires is { } requires && !ContextWords.AreNear(context, first, end, requires))
                {
                    continue;
                }

                sink.ReportMatch(_definition, context, span, first, Math.Min(end, context.Tokens.Count));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // The non-backtracking engine makes this unreachable in practice; if it happens, the rule is skipped
            // for this block rather than stalling the editor.
        }
    }
}
