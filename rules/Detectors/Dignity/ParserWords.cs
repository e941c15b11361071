using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// The closed word classes <see cref="DignityParser"/> reads sentences with (determiners, clause boundaries, pronouns,
/// clitics, negations), with span look-ups and hash filters so that testing a token allocates nothing.
/// </summary>
internal static class ParserWords
{
    internal static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "un", "une", "des", "le", "la", "les", "l'", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes",
        "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "du", "de", "d'", "quel", "quelle", "quels", "quelles",
    };

    internal static readonly HashSet<string> ClauseBoundaryWords = new(StringComparer.Ordinal)
    {
        "et", "mais", "car", "donc", "or", "que", "qu'", "qui", "quand", "lorsque", "lorsqu'", "puisque", "puisqu'", "parce",
        "si", "comme", "ou", "dont", "alors", "puis", "quoique", "tandis", "pendant", "depuis", "selon", "d'apres",
    };

    internal static readonly HashSet<string> PersonalPronouns = new(StringComparer.Ordinal)
    {
        "il", "elle", "ils", "elles", "je", "j'", "tu", "nous", "vous", "on", "celui", "celle", "ceux", "celles", "celui-ci",
        "lui", "eux", "chacun", "chacune", "tous", "toutes",
    };

    internal static readonly HashSet<string> Demonstratives = new(StringComparer.Ordinal) { "c'", "c", "ce", "cela", "ca", "ceci" };

    internal static readonly HashSet<string> ObjectClitics = new(StringComparer.Ordinal) { "me", "m'", "te", "t'", "lui", "leur", "y", "en", "ne", "n'" };

    internal static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal)
    {
        "ne", "n'", "pas", "jamais", "nullement", "aucunement", "guere", "point",
    };

    // Span look-ups, so that testing a token allocates no string.
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerLookup = Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseBoundaryLookup = ClauseBoundaryWords.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonalPronounLookup = PersonalPronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DemonstrativeLookup = Demonstratives.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectCliticLookup = ObjectClitics.GetAlternateLookup<ReadOnlySpan<char>>();
    internal static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup = NegationWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Each determiner by its hash (WordFilter.Hash, which the context has computed for every token): an integer probe
    // instead of hashing the token's characters again. Null if two determiners ever shared a hash; the set is used then.
    internal static readonly Dictionary<int, string>? DeterminerByHash = ByHash(Determiners);

    // Determiners and "espèce" (of "espèce de"): a token outside this filter starts no determiner.
    internal static readonly WordFilter DeterminerFilter = CreateFilter([.. Determiners, "espece"]);

    internal static bool IsDeterminer(AnalysisContext context, int index) =>
        DeterminerByHash is { } byHash
            ? byHash.TryGetValue(context.TokenHash(index), out var word) && context.TokenText(index).SequenceEqual(word)
            : DeterminerLookup.Contains(context.TokenText(index));

    private static Dictionary<int, string>? ByHash(IEnumerable<string> words)
    {
        var byHash = new Dictionary<int, string>();
        foreach (var word in words)
        {
            if (!byHash.TryAdd(WordFilter.Hash(word), word))
            {
                return null;
            }
        }

        return byHash;
    }

    internal static WordFilter CreateFilter(IEnumerable<string> words)
    {
        var filter = new WordFilter();
        foreach (var word in words)
        {
            filter.Add(word);
        }

        return filter;
    }
}
