namespace Cnaemo.NoteLsp.Rules.Rephrasing;

/// <summary>Grammatical gender.</summary>
public enum Gender
{
    Masculine,
    Feminine,
}

/// <summary>Grammatical number.</summary>
public enum GrammaticalNumber
{
    Singular,
    Plural,
}

/// <summary>
/// Gender and number together, with the order the lexicons use for inflected forms: masculine singular,
/// feminine singular, masculine plural, feminine plural.
/// </summary>
public readonly record struct Agreement(Gender Gender, GrammaticalNumber Number)
{
    /// <summary>The masculine singular, the default when nothing says otherwise.</summary>
    public static Agreement Default { get; } = new(Gender.Masculine, GrammaticalNumber.Singular);

    /// <summary>The position of this agreement in a four-form list (ms, fs, mp, fp).</summary>
    public int Index => (Number == GrammaticalNumber.Plural ? 2 : 0) + (Gender == Gender.Feminine ? 1 : 0);

    /// <summary>The agreement at a position of a four-form list.</summary>
    public static Agreement FromIndex(int index) =>
        new(index % 2 == 1 ? Gender.Feminine : Gender.Masculine, index >= 2 ? GrammaticalNumber.Plural : GrammaticalNumber.Singular);

    /// <summary>Parses "ms", "fs", "mp" or "fp".</summary>
    public static bool TryParse(string code, out Agreement agreement)
    {
        var index = Array.IndexOf(Codes, code);
        agreement = index >= 0 ? FromIndex(index) : Default;
        return index >= 0;
    }

    private static readonly string[] Codes = ["ms", "fs", "mp", "fp"];
}

/// <summary>
/// The four forms of an inflected word or phrase, in the order ms, fs, mp, fp. Epicene and invariable words
/// repeat their forms, so a form may stand for several agreements.
/// </summary>
public sealed record InflectedForms(IReadOnlyList<string> Forms)
{
    /// <summary>The form for <paramref name="agreement"/>.</summary>
    public string For(Agreement agreement) => Forms[agreement.Index];

    /// <summary>The agreements whose form is <paramref name="form"/>, compared as folded text.</summary>
    public IEnumerable<Agreement> AgreementsOf(string foldedForm, Func<string, string> normalise)
    {
        for (var i = 0; i < 4; i++)
        {
            if (normalise(Forms[i]) == foldedForm)
            {
                yield return Agreement.FromIndex(i);
            }
        }
    }

    /// <summary>
    /// Reads the lexicon notation: forms separated by " | ", or one text with inflection braces. Each word of a
    /// phrase inflects on its own, and the phrase's forms are taken position by position, so that
    /// "famille{,s} à problèmes" gives "famille à problèmes" and "familles à problèmes". A word with four forms
    /// gives ms, fs, mp, fp; with two, singular and plural; with one, it does not change.
    /// </summary>
    /// <exception cref="FormatException">The notation gives a number of forms other than 1, 2 or 4.</exception>
    public static InflectedForms Parse(string notation)
    {
        if (notation.Contains('|', StringComparison.Ordinal))
        {
            var parts = notation.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new InflectedForms(Spread(parts, notation));
        }

        var words = notation.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var perWord = words.Select(w => Spread(ExpandWord(w, notation), notation)).ToList();
        var forms = new string[4];
        for (var i = 0; i < 4; i++)
        {
            forms[i] = string.Join(' ', perWord.Select(f => f[i]));
        }

        return new InflectedForms(forms);
    }

    // Unlike the term expander, this keeps repeated endings: "gros{,se,,ses}" must give four forms, not three.
    private static List<string> ExpandWord(string word, string notation)
    {
        var open = word.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return [word];
        }

        var close = word.IndexOf('}', open);
        if (close < 0 || word.IndexOf('{', open + 1) >= 0 && word.IndexOf('{', open + 1) < close || word.IndexOf('{', close) >= 0)
        {
            throw new FormatException($"\"{notation}\": each word may hold one pair of braces");
        }

        var head = word[..open];
        var tail = word[(close + 1)..];
        return [.. word[(open + 1)..close].Split(',').Select(ending => head + ending.Trim() + tail)];
    }

    private static string[] Spread(IReadOnlyList<string> forms, string notation) => forms.Count switch
    {
        1 => [forms[0], forms[0], forms[0], forms[0]],
        2 => [forms[0], forms[0], forms[1], forms[1]],
        4 => [forms[0], forms[1], forms[2], forms[3]],
        _ => throw new FormatException($"\"{notation}\" gives {forms.Count} forms; write 1 (invariable), 2 (singular, plural) or 4 (ms, fs, mp, fp)"),
    };
}
