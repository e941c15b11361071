using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// Collects the findings of one block. It applies the user's options (rules or categories switched off,
/// severity overrides) and the rules' context policies, so detectors only say what they saw.
/// </summary>
public sealed class FindingSink(LintOptions options)
{
    private readonly List<Finding> _findings = [];
    private readonly List<(Category Category, TextSpan Span)> _silencedFacts = [];

    // Whether each sentence of the block is a general statement, computed once per sentence on first need so that
    // many matches in one long sentence cost one scan of it.
    private Dictionary<int, bool>? _genericSentences;

    /// <summary>The findings so far, in the order reported.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>
    /// Matches of data rules the user switched off, which are never reported but stay facts of the block: a sick
    /// relative is still a private fact about a third party when the health category is off (an EHPAD may record its
    /// residents' care, not their daughters' treatments). Only matches that would have been reported at full
    /// severity are kept, as with <see cref="Findings"/>.
    /// </summary>
    public IReadOnlyList<(Category Category, TextSpan Span)> SilencedFacts => _silencedFacts;

    /// <summary>The options in force.</summary>
    public LintOptions Options { get; } = options;

    /// <summary>True when the rule may report; detectors can skip work for rules that are off.</summary>
    public bool IsEnabled(RuleDescriptor rule) => Options.IsEnabled(rule);

    /// <summary>Reports a finding at <paramref name="span"/> (block-relative).</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="span">Where.</param>
    /// <param name="suggestions">Replacements, best first.</param>
    /// <param name="lowered">True to report as a hint, when context makes the problem doubtful.</param>
    /// <param name="message">A message more precise than the rule's own, if any.</param>
    public void Report(RuleDescriptor rule, TextSpan span, IReadOnlyList<Suggestion> suggestions, bool lowered = false, string? message = null)
    {
        if (!Options.IsEnabled(rule))
        {
            return;
        }

        var severity = lowered ? Severity.Hint : Options.SeverityOf(rule);
        _findings.Add(new Finding(rule, span, severity, message ?? rule.Message, suggestions));
    }

    /// <summary>
    /// Reports a match of a data rule after applying its quote and negation policies and building its suggestions
    /// from the pack's templates, mask and removal flag.
    /// </summary>
    public void ReportMatch(RuleDefinition definition, AnalysisContext context, TextSpan span, int firstToken, int endToken)
    {
        var lowered = false;
        if (definition.Quoted != ContextPolicy.Flag && context.IsQuoted(span))
        {
            if (definition.Quoted == ContextPolicy.Ignore)
            {
                return;
            }

            lowered = true;
        }

        if (definition.Negated != ContextPolicy.Flag && context.IsNegated(firstToken, endToken))
        {
            if (definition.Negated == ContextPolicy.Ignore)
            {
                return;
            }

            lowered = true;
        }

        if (definition.Generic != ContextPolicy.Flag && IsGenericStatement(context, firstToken))
        {
            if (definition.Generic == ContextPolicy.Ignore)
            {
                return;
            }

            lowered = true;
        }

        if (!Options.IsEnabled(definition.Descriptor))
        {
            if (!lowered)
            {
                _silencedFacts.Add((definition.Descriptor.Category, span));
            }

            return;
        }

        Report(definition.Descriptor, span, SuggestionFactory.For(definition, context.Text, span.Start, span.Length), lowered);
    }

    private bool IsGenericStatement(AnalysisContext context, int token)
    {
        var sentence = context.SentenceIndexOf(token);
        _genericSentences ??= [];
        if (!_genericSentences.TryGetValue(sentence, out var generic))
        {
            generic = GenericStatement.Holds(context, context.Sentences[sentence]);
            _genericSentences[sentence] = generic;
        }

        return generic;
    }
}
