using System.Text;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>
/// The hover text of a finding, in French markdown: what was found, why it matters for the person, what the law or
/// the CNIL says (with links), and how to write it instead.
/// </summary>
public static class HoverBuilder
{
    /// <summary>The markdown for one or more findings at the same place.</summary>
    public static string Build(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n---\n\n");
            }

            Append(text, finding);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, Finding finding)
    {
        var rule = finding.Rule;
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
