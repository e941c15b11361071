using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// The rule behind the lexicon-driven dignity rules (labels, judgements, insults, lay diagnoses): it parses each
/// sentence once with <see cref="DignityParser"/>, keeps the constructions of its rule's category, and offers the
/// rewrites of <see cref="DignityRewriter"/>. Quoted speech is the person's own words and is not reported; a
/// negation ("n'est pas violent") lowers the finding to a hint.
/// </summary>
public sealed class DignityPredicateDetector(RuleDefinition definition) : IDetector
{
    private static readonly Lazy<DignityParser> SharedParser = new(() => new DignityParser(DignityLexicon.BuiltIn));

    /// <summary>The name packs use in <c>code:</c>.</summary>
    public const string Name = "dignity-lexicon";

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        var rule = definition.Descriptor;
        if (!sink.IsEnabled(rule))
        {
            return;
        }

        // Several rules share one parse of each block, kept with the block's context.
        if (context.DignityParse is not List<DignityMatch> parse)
        {
            context.DignityParse = parse = ParseAll(context);
        }

        foreach (var match in parse)
        {
            if (match.Category != rule.Category)
            {
                continue;
            }

            var span = context.OriginalSpan(match.Span.First, match.Span.End);
            var wordsSpan = context.OriginalSpan(match.Words[0].First, match.Words[^1].End);
            if (context.IsQuoted(wordsSpan))
            {
                continue;
            }

            // A disorder named by a clinician or a medical document is no lay diagnosis: the health finding of the
            // same words then says that the data may be needed, and asks whether this reader must know it.
            if (match.Category == Category.LayDiagnosis
                && Attribution.HasClinicalSource(context, context.Sentences[context.SentenceIndexOf(match.Span.First)], match.Span.First, match.Span.End))
            {
                continue;
            }

            var words = context.Text.Substring(wordsSpan.Start, wordsSpan.Length);
            var message = $"{rule.Message} (« {words} »)";
            if (match.Negated)
            {
                sink.Report(rule, span, [], lowered: true, message: message);
                continue;
            }

            sink.Report(rule, span, match.WithoutRewrite ? DignityRewriter.WithoutTemplate(context.Text, span) : DignityRewriter.Suggest(context, match), lowered: match.Attributed, message: message);
        }
    }

    private static List<DignityMatch> ParseAll(AnalysisContext context)
    {
        var parser = SharedParser.Value;
        var matches = new List<DignityMatch>();
        foreach (var sentence in context.Sentences)
        {
            parser.Parse(context, sentence, matches);
        }

        return matches;
    }
}
