using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>Turns a data rule's templates, mask and removal flag into suggestions for one match.</summary>
public static class SuggestionFactory
{
    /// <summary>
    /// The suggestions for the match at <paramref name="start"/> (length <paramref name="length"/>) of
    /// <paramref name="text"/>, each fitted to the words around it (<see cref="Fit"/>); a rephrasing that cannot be
    /// fitted is left out.
    /// </summary>
    public static IReadOnlyList<Suggestion> For(RuleDefinition definition, string text, int start, int length)
    {
        // A capital that opens the match is copied to the rephrasing only at the head of a sentence: mid-sentence it
        // is a name's ("Du fait de sa pathologie, Mme X…"), and the rephrasing does not start with that name.
        var suggestions = For(definition, text.Substring(start, length), StartsASentence(text, start));
        if (suggestions.Count == 0)
        {
            return suggestions;
        }

        var fitted = new List<Suggestion>(suggestions.Count);
        foreach (var suggestion in suggestions)
        {
            var framed = suggestion.Kind == SuggestionKind.Rephrase
                ? SuggestionFrame.Fit(text, start, start + length, suggestion.Replacement)
                : suggestion.Replacement;
            if (framed is not null && Fit(text, start, start + length, framed) is { } replacement)
            {
                fitted.Add(suggestion with { Replacement = replacement });
            }
        }

        return fitted;
    }

    /// <summary>
    /// Fits <paramref name="replacement"/> between the text before <paramref name="start"/> and after
    /// <paramref name="end"/>: one space where a word would otherwise be glued to its neighbour ("soins" + "le
    /// [date]." gives "soins le [date]."), none doubled, none before a comma or a closing point. Returns null when
    /// the replacement would follow an elided word with a consonant ("qu'" + "le"), which only a rewrite of the
    /// elided word could mend.
    /// </summary>
    public static string? Fit(string text, int start, int end, string replacement)
    {
        if (replacement.Length == 0)
        {
            return replacement;
        }

        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        var first = replacement[0];
        if (before is '\'' or '\u2019' && char.IsLetter(first) && !"aeiouyhàâäéèêëîïôöùûüAEIOUYHÀÂÉÈÊÎÔÙÛ".Contains(first, StringComparison.Ordinal))
        {
            return null;
        }

        if (before is '\'' or '\u2019' && first is '[' or '(' or ' ')
        {
            return null;
        }

        // A full stop cannot be followed by a comma ("Basta!, Soupçons…" is a name, not an exclamation to end).
        if (replacement.EndsWith('.') && NextVisible(text, end) is ',' or ';')
        {
            return null;
        }

        // A run of marks that holds a question mark ends a question ("Qu'est-ce que vous fichez ?!!!"): it stays one,
        // with its question mark alone, and takes no date.
        if (replacement.EndsWith('.') && text.AsSpan(start, end - start).Contains('?') && !text.AsSpan(start, end - start).ContainsAnyExcept("?! \u00A0\u202F"))
        {
            if (replacement != ".")
            {
                return null;
            }

            replacement = " ?";
        }

        // Nor by a word in lower case: "Zut! il a oublié" is one sentence, and "Zut. il a oublié" would begin one
        // without its capital. A mark alone becomes the comma that the sentence goes on with.
        if (replacement.EndsWith('.') && char.IsLower(NextVisible(text, end)))
        {
            if (replacement != ".")
            {
                return null;
            }

            replacement = ",";
        }

        // "a [décrire le fait observé]" needs the subject that precedes it. At the start of a sentence the note has
        // no subject ("Ne fait plus rien."), and a capital "A" followed by a placeholder reads as the preposition
        // "À": the rephrasing is written as a noun phrase instead ("[Décrire le fait observé] le [date].").
        if (replacement.Length > 3 && replacement[0] is 'a' or 'A' && replacement[1] == ' ' && replacement[2] == '['
            && StartsASentence(text, start))
        {
            replacement = "[" + char.ToUpperInvariant(replacement[3]) + replacement[4..];
        }

        var result = replacement;
        if (char.IsLetterOrDigit(before) && (char.IsLetterOrDigit(first) || first is '[' or '(' or '«'))
        {
            result = " " + result;
        }
        else if (char.IsWhiteSpace(before) && first == ' ')
        {
            result = result.TrimStart(' ');
        }

        var last = result[^1];
        if (char.IsLetterOrDigit(after) && (char.IsLetterOrDigit(last) || last is ']' or ')' or '»' or ',' or '.'))
        {
            result += " ";
        }
        else if (after is ' ' or ',' or '.' && last == ' ')
        {
            result = result.TrimEnd(' ');
        }

        return result;
    }

    private static char NextVisible(string text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        return index < text.Length ? text[index] : '\n';
    }

    /// <summary>
    /// Whether <paramref name="start"/> opens a sentence: nothing but spaces since the start of the text, a line, a
    /// cell or a closing point. The full stop of an initial ("Mme L. sent…") does not close a sentence.
    /// </summary>
    public static bool StartsASentence(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        if (i < 0 || text[i] is '\n' or '\r' or '\t' or '!' or '?' or '\u2026' or '-' or '*' or '\u2022')
        {
            return true;
        }

        var initial = text[i] == '.' && i >= 1 && char.IsUpper(text[i - 1]) && (i == 1 || !char.IsLetter(text[i - 2]));
        return text[i] == '.' && !initial;
    }

    /// <summary>The suggestions for <paramref name="matched"/>: rephrasings first, then the mask, then removal.</summary>
    public static IReadOnlyList<Suggestion> For(RuleDefinition definition, string matched) => For(definition, matched, capitalise: true);

    private static IReadOnlyList<Suggestion> For(RuleDefinition definition, string matched, bool capitalise)
    {
        if (definition.Suggestions.Count == 0 && definition.Mask is null && !definition.Removable)
        {
            return [];
        }

        var suggestions = new List<Suggestion>(definition.Suggestions.Count + 2);
        foreach (var template in definition.Suggestions)
        {
            var text = template.Text.Replace("{match}", matched, StringComparison.Ordinal);
            text = capitalise ? MatchCase(text, matched) : text;
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
