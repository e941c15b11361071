using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>Turns a data rule's templates, mask and removal flag into suggestions for one match.</summary>
public static class SuggestionFactory
{
    /// <summary>The suggestions for <paramref name="matched"/>: rephrasings first, then the mask, then removal.</summary>
    public static IReadOnlyList<Suggestion> For(RuleDefinition definition, string matched)
    {
        if (definition.Suggestions.Count == 0 && definition.Mask is null && !definition.Removable)
        {
            return [];
        }

        var suggestions = new List<Suggestion>(definition.Suggestions.Count + 2);
        foreach (var template in definition.Suggestions)
        {
            var text = MatchCase(template.Text.Replace("{match}", matched, StringComparison.Ordinal), matched);
            suggestions.Add(new Suggestion(template.Title.Replace("{match}", matched, StringComparison.Ordinal), text, SuggestionKind.Rephrase));
        }

        if (definition.Mask is { } mask)
        {
            suggestions.Add(new Suggestion($"Masquer : {mask}", mask, SuggestionKind.Mask));
        }

        if (definition.Removable)
        {
            suggestions.Add(new Suggestion("Supprimer ce passage", "", SuggestionKind.Remove));
        }

        return suggestions;
    }

    /// <summary>Capitalises the replacement when the matched text starts a sentence with a capital.</summary>
    public static string MatchCase(string replacement, string matched)
    {
        if (replacement.Length == 0 || matched.Length == 0 || !char.IsUpper(matched[0]) || char.IsUpper(replacement[0]))
        {
            return replacement;
        }

        return char.ToUpperInvariant(replacement[0]) + replacement[1..];
    }
}
