using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// Tells a general statement about an indefinite class of people from a statement about someone: "Un enfant en
/// danger peut présenter des ecchymoses", "Ce foyer accueille des jeunes ayant des troubles psychiques" name
/// nobody, whereas "L'enfant présente des ecchymoses" and "Mme X peut présenter des crises" do. Training material,
/// guides and service descriptions are written the first way; records the second.
/// </summary>
/// <remarks>
/// A sentence is general when three things hold: an indefinite or universal determiner and a person noun ("un
/// enfant", "des patients", "toute personne") open it, within its first words; a modal or a verb of reception
/// ("peut", "doivent", "il faut", "accueille") says a possibility, a rule or a population; and nothing in it
/// designates someone in particular (a title, "je", a subject pronoun, a definite or possessive person noun, a
/// name). "Les parents" is left out of the indefinite determiners on purpose: in a report it means this child's
/// parents. One scan of the sentence, so the cost stays linear.
/// </remarks>
public static class GenericStatement
{
    private const int OpeningWords = 4;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Indefinites = Lookup(
        "un", "une", "des", "tout", "toute", "tous", "toutes", "chaque", "certains", "certaines", "aucun", "aucune",
        "plusieurs", "nombreux", "nombreuses");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Markers = Lookup(
        "peut", "peuvent", "pourrait", "pourraient", "doit", "doivent", "devrait", "devraient", "faut", "convient",
        "accueille", "accueillent", "accueillir", "reçoit", "recoit", "reçoivent", "recoivent");

    // After a copula or "avoir", the indefinite noun is an attribute of someone already there ("c'est un enfant
    // qui…", "il a un fils qui…"), not the subject of a general statement.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Attributes = Lookup(
        "est", "sont", "était", "étaient", "a", "ont", "avait", "avaient", "voici", "voilà", "devient", "reste", "semble");

    // Words that designate someone in particular. "il" counts unless it is the impersonal one of "il faut".
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Designators = Lookup(
        "madame", "monsieur", "mme", "mlle", "mr", "je", "j'", "tu", "elle", "ils", "elles", "nous");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Definites = Lookup(
        "le", "la", "l'", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "ce", "cette", "votre", "notre");

    /// <summary>True when <paramref name="sentence"/> is a general statement about an indefinite class of people.</summary>
    public static bool Holds(AnalysisContext context, Sentence sentence)
    {
        bool indefinite = false, marker = false;
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var word = context.TokenText(t);
            var nextIsPerson = t + 1 < sentence.EndToken && PersonWords.AnyIn(context, t + 1, t + 2);
            if (Designators.Contains(word) || (word is "il" && !IsImpersonal(context, t + 1, sentence.EndToken))
                || (nextIsPerson && Definites.Contains(word)) || IsName(context, t, sentence.FirstToken))
            {
                return false;
            }

            indefinite |= nextIsPerson && t - sentence.FirstToken < OpeningWords && Indefinites.Contains(word)
                && !(t > sentence.FirstToken && Attributes.Contains(context.TokenText(t - 1)));
            marker |= Markers.Contains(word);
        }

        return indefinite && marker;
    }

    private static bool IsImpersonal(AnalysisContext context, int next, int end) =>
        next < end && (context.TokenIs(next, "faut") || context.TokenIs(next, "convient")
            || context.TokenIs(next, "s'agit") || context.TokenIs(next, "y"));

    // A word written with a capital inside the sentence: a name, initials, an acronym. The first word's capital is
    // the sentence's own.
    private static bool IsName(AnalysisContext context, int token, int sentenceStart) =>
        token != sentenceStart && char.IsUpper(context.Text[context.OriginalStart(token)]);

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words.Select(FoldedText.Fold), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
