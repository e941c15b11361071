using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>
/// Finds the capitalised person name under a position, such as "Théo" or "Théo Martin", for the "pseudonymise"
/// action. Common capitalised words (articles, titles, days, months, document headings) are not names.
/// </summary>
public static class NameFinder
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "il", "elle", "ils", "elles", "nous", "vous", "on",
        "je", "j", "tu", "ce", "cette", "ces", "cet", "c", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes",
        "au", "aux", "et", "ou", "mais", "donc", "car", "ni", "si", "lors", "depuis", "pendant", "après", "avant",
        "selon", "pour", "par", "sur", "sous", "dans", "avec", "sans", "chez", "entre", "vers", "quand", "qu",
        "madame", "monsieur", "mme", "mlle", "m", "mr", "docteur", "dr", "maître", "me", "pr", "professeur",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février", "mars",
        "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "note", "rapport", "situation", "objet", "date", "conclusion", "synthèse", "tél", "mail", "contexte",
        "observations", "famille", "mère", "père", "enfant", "juge", "service", "éducateur", "éducatrice",
    };

    /// <summary>The name covering <paramref name="offset"/>, or null.</summary>
    public static (string Name, TextSpan Span)? At(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (offset < 0 || offset > text.Length)
        {
            return null;
        }

        if (WordAt(text, offset) is not { } word || !IsName(text, word))
        {
            return null;
        }

        var start = word.Start;
        var end = word.End;

        // Extend to neighbouring capitalised words: "Théo Martin", "Marie-Claire Durand".
        while (PreviousWord(text, start) is { } previous && IsName(text, previous))
        {
            start = previous.Start;
        }

        while (NextWord(text, end) is { } next && IsName(text, next))
        {
            end = next.End;
        }

        return (text[start..end], TextSpan.FromBounds(start, end));
    }

    private static bool IsName(string text, TextSpan word)
    {
        var value = text.Substring(word.Start, word.Length);
        return value.Length >= 2
            && char.IsUpper(value[0])
            && value.Skip(1).Any(char.IsLower)
            && !NotNames.Contains(value);
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c == '-';

    private static TextSpan? WordAt(string text, int offset)
    {
        var start = offset;
        while (start > 0 && IsWordChar(text[start - 1]))
        {
            start--;
        }

        var end = offset;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        // Trim hyphens at the ends, which belong to punctuation such as " - ".
        while (start < end && text[start] == '-')
        {
            start++;
        }

        while (end > start && text[end - 1] == '-')
        {
            end--;
        }

        return end > start ? TextSpan.FromBounds(start, end) : null;
    }

    private static TextSpan? PreviousWord(string text, int start) =>
        start >= 2 && text[start - 1] == ' ' && IsWordChar(text[start - 2]) ? WordAt(text, start - 2) : null;

    private static TextSpan? NextWord(string text, int end) =>
        end + 1 < text.Length && text[end] == ' ' && IsWordChar(text[end + 1]) ? WordAt(text, end + 1) : null;
}
