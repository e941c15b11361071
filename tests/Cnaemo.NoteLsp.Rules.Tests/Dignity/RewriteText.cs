using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Rules.Tests.Dignity;

/// <summary>
/// Mechanical faults a rewrite can make at the edges of the replaced span, found without a grammar checker: two
/// spaces, a word glued to the next one or to a placeholder, a capital inside a word, an elision before a consonant
/// ("qu'le") or a contraction left undone ("à le", "de le").
/// </summary>
public static partial class RewriteText
{
    /// <summary>The faults of <paramref name="text"/>, each named once.</summary>
    public static IReadOnlyList<string> Faults(string text)
    {
        var faults = new List<string>();
        if (text.Contains("  ", StringComparison.Ordinal))
        {
            faults.Add("double space");
        }

        if (GluedToPlaceholder().IsMatch(text) || GluedWords().IsMatch(text))
        {
            faults.Add("missing space");
        }

        if (CapitalInsideWord().IsMatch(text))
        {
            faults.Add("case inside a word");
        }

        if (SpaceBeforeClosing().IsMatch(text))
        {
            faults.Add("space before a comma or a closing mark");
        }

        foreach (Match elision in BrokenElision().Matches(text))
        {
            faults.Add($"broken elision « {elision.Value.Trim()} »");
        }

        foreach (Match contraction in MissingContraction().Matches(text))
        {
            faults.Add($"missing contraction « {contraction.Value.Trim()} »");
        }

        return faults;
    }

    // A letter right before a placeholder or an opening bracket: "soinsle [date]" is caught by the next pattern, "soins[date]" here.
    [GeneratedRegex(@"\p{L}[\[(]")]
    private static partial Regex GluedToPlaceholder();

    // A known word of the templates glued to the word before it: "soinsle", "Agitationimportante".
    [GeneratedRegex(@"\p{Ll}{2}(?:le|la|les|importante|importantes) \[|\p{Ll}{3}importante")]
    private static partial Regex GluedWords();

    // "lE CLIENT": a lower-case letter followed by capitals in the same word.
    [GeneratedRegex(@"\b\p{Ll}\p{Lu}{2,}")]
    private static partial Regex CapitalInsideWord();

    [GeneratedRegex(@"\p{L} [,.)]")]
    private static partial Regex SpaceBeforeClosing();

    // An elided word before a consonant or a placeholder: "qu'le", "d'[date]".
    [GeneratedRegex(@"(?i)\b(?:qu|d|l|j|n|s|c)['’][bcdfgjklmnpqrstvwxz\[(]\w*")]
    private static partial Regex BrokenElision();

    [GeneratedRegex(@"(?i)\b(?:à|de) (?:le|les) ")]
    private static partial Regex MissingContraction();
}
