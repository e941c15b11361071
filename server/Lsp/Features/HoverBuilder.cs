using System.Text;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>
/// The hover text of a finding, in French markdown: what was found, why it matters for the person, what the law or
/// the CNIL says (with links), and how to write it instead.
/// </summary>
public static class HoverBuilder
{
    /// <summary>
    /// The markdown for one or more findings at the same place. A grouped finding is explained part by part: each rule
    /// that matched, the words it matched in <paramref name="document"/> (when given), why it matters and how to write it.
    /// </summary>
    public static string Build(IEnumerable<Finding> findings, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n---\n\n");
            }

            if (finding.IsGrouped)
            {
                AppendGroup(text, finding, document);
            }
            else
            {
                Append(text, finding, heading: null);
            }
        }

        return text.ToString();
    }

    private static void AppendGroup(StringBuilder text, Finding finding, string? document)
    {
        var rules = finding.Parts.GroupBy(p => p.RuleId, StringComparer.Ordinal).ToList();
        text.Append("**").Append(Escape(finding.Message)).Append("**\n\n");
        text.Append("Un seul fait à revoir, relevé par ").Append(rules.Count).Append(rules.Count > 1 ? " règles" : " règle")
            .Append(" de la catégorie « ").Append(finding.Category.FrenchLabel()).Append(" » ; chaque partie est expliquée ci-dessous")
            .Append(" et peut être corrigée seule.\n\n");
        var number = 0;
        foreach (var rule in rules)
        {
            number++;
            var words = document is null
                ? string.Empty
                : string.Join(", ", rule.Select(p => $"« {Escape(WordsOf(document, p.Span))} »").Distinct(StringComparer.Ordinal));
            text.Append("---\n\n");
            Append(text, rule.First() with { Suggestions = [.. rule.SelectMany(p => p.Suggestions)] }, $"Partie {number}" + (words.Length > 0 ? $" : {words}" : string.Empty));
        }
    }

    private static string WordsOf(string document, TextSpan span) =>
        span.End <= document.Length
            ? string.Join(' ', document.Substring(span.Start, span.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : string.Empty;

    private static void Append(StringBuilder text, Finding finding, string? heading)
    {
        var rule = finding.Rule;
        if (heading is not null)
        {
            text.Append("**").Append(heading).Append("** — ");
        }

        text.Append("**").Append(Escape(finding.Message)).Append("**\n\n");
        text.Append('`').Append(rule.Id).Append("` · ").Append(rule.Category.FrenchLabel())
            .Append(rule.Family == RuleFamily.Privacy ? " (confidentialité)" : " (dignité)").Append("\n\n");
        text.Append("**Pourquoi c'est important**\n\n").Append(rule.Explanation.Trim()).Append("\n\n");
        if (rule.References.Count > 0)
        {
            text.Append("**Ce que disent les textes**\n\n");
            foreach (var reference in rule.References)
            {
                text.Append("- [").Append(Escape(reference.Label)).Append("](").Append(reference.Url).Append(")\n");
            }

            text.Append('\n');
        }

        if (rule.Advice.Length > 0 || finding.Suggestions.Any(s => s.Kind == SuggestionKind.Rephrase))
        {
            text.Append("**Comment l'écrire**\n\n");
            if (rule.Advice.Length > 0)
            {
                text.Append(rule.Advice.Trim()).Append("\n\n");
            }

            foreach (var suggestion in finding.Suggestions.Where(s => s.Kind == SuggestionKind.Rephrase))
            {
                text.Append("- « ").Append(Escape(suggestion.Replacement)).Append(" »\n");
            }
        }
    }

    /// <summary>Escapes the characters that markdown would read as link or emphasis syntax.</summary>
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
