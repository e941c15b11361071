using Cnaemo.NoteLsp.Rules.Detectors.Dignity;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Privacy;

/// <summary>
/// A health fact that a clinician or a medical document reports ("le psychiatre indique que la mère est dépressive")
/// is not a lay label, and it may be needed: GDPR art. 9(2)(h) allows health data for the provision of health or
/// social care by professionals bound to secrecy. What remains to ask is whether this reader, a judge or another
/// service, must know it. The health findings of such a sentence carry that question as their qualifier, instead of
/// the warning they give a diagnosis written by the writer.
/// </summary>
public static class ClinicalHealthData
{
    /// <summary>The sentence added to a health finding whose source is a clinician or a medical document.</summary>
    public const string Qualifier =
        "Source : un soignant ou un document médical ; cette donnée peut être nécessaire (RGPD, art. 9, § 2, h), "
        + "mais ce lecteur doit-il la connaître pour la décision à prendre ?";

    /// <summary>The findings with the health ones of attributed sentences qualified; the others unchanged.</summary>
    public static IReadOnlyList<Finding> Qualify(IReadOnlyList<Finding> findings, AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(context);
        Finding[]? result = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (finding.Category != Category.Health || finding.Qualifier is not null || context.TokenCount == 0)
            {
                continue;
            }

            var first = context.TokenIndexAt(finding.Span.Start);
            var end = Math.Max(first + 1, context.TokenIndexAt(finding.Span.End));
            if (first >= context.TokenCount)
            {
                continue;
            }

            var sentence = context.Sentences[context.SentenceIndexOf(first)];
            if (Attribution.HasClinicalSource(context, sentence, first, Math.Min(end, context.TokenCount)))
            {
                result ??= [.. findings];
                result[i] = finding with { Message = $"{finding.Message} {Qualifier}", Qualifier = Qualifier };
            }
        }

        return result ?? findings;
    }
}
