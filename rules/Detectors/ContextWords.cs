using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>Checks that one of a rule's context words stands near a match, in the same sentence.</summary>
public static class ContextWords
{
    /// <summary>
    /// True when a required word stands within the window before or after the match, or, for a requirement with
    /// <see cref="ContextRequirement.Person"/>, when the match's sentence names a person (<see cref="PersonWords"/>).
    /// </summary>
    public static bool AreNear(AnalysisContext context, int firstToken, int endToken, ContextRequirement requirement)
    {
        if (context.TokenCount == 0)
        {
            return false;
        }

        var sentence = context.Sentences[context.SentenceIndexOf(Math.Min(firstToken, context.TokenCount - 1))];
        if (requirement.Person && PersonWords.AnyIn(context, sentence.FirstToken, sentence.EndToken))
        {
            return true;
        }

        var from = Math.Max(sentence.FirstToken, firstToken - requirement.Window);
        var to = Math.Min(sentence.EndToken, endToken + requirement.Window);
        for (var i = from; i < to; i++)
        {
            if (i >= firstToken && i < endToken)
            {
                continue;
            }

            if (IsRequiredWord(context.TokenText(i), requirement))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when some token of the block is one of the required words. When none is, <see cref="AreNear"/> is false for
    /// every match of the block, since it only looks at the block's tokens: detectors then need not search for matches.
    /// </summary>
    public static bool AnyInBlock(AnalysisContext context, RequiredWords words)
    {
        if (words.Person && PersonWords.AnyIn(context, 0, context.TokenCount))
        {
            return true;
        }

        // Exact words are found by their hash: a bit test per token, and a comparison only for the few that pass.
        // A token starting with a prefix puts the prefix in the folded text, so a vectorised search of the text for
        // the prefixes (most rules have none or one) settles most blocks before any token is compared with them.
        if (words.AnyExactIn(context))
        {
            return true;
        }

        if (!words.AnyPrefixInText(context.Folded.Value))
        {
            return false;
        }

        for (var i = 0; i < context.TokenCount; i++)
        {
            if (words.Matches(context, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRequiredWord(ReadOnlySpan<char> token, ContextRequirement requirement)
    {
        // Indexed, not foreach: the words are an IReadOnlyList, whose enumerator would be allocated for every token.
        var words = requirement.Words;
        for (var k = 0; k < words.Count; k++)
        {
            var word = words[k];
            if (word.EndsWith('*') ? token.StartsWith(word.AsSpan(0, word.Length - 1), StringComparison.Ordinal) : token.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A rule's required context words, prepared for testing every token of a block: exact words behind a hash filter,
/// and the prefixes of the words that end with "*". A token matches exactly when <see cref="ContextWords.AreNear"/>
/// would accept it.
/// </summary>
public sealed class RequiredWords
{
    private readonly WordFilter _filter = new(log2Bits: 10);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly string[] _prefixes;

    /// <summary>Prepares the words of <paramref name="requirement"/>.</summary>
    public RequiredWords(ContextRequirement requirement)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        foreach (var word in requirement.Words)
        {
            if (word.EndsWith('*'))
            {
                prefixes.Add(word[..^1]);
            }
            else
            {
                exact.Add(word);
                _filter.Add(word);
            }
        }

        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = [.. prefixes];
        Person = requirement.Person;
    }

    /// <summary>True when a person named in the sentence also satisfies the requirement.</summary>
    public bool Person { get; }

    /// <summary>False when no prefix occurs anywhere in <paramref name="folded"/>, even inside a token.</summary>
    public bool AnyPrefixInText(string folded)
    {
        foreach (var prefix in _prefixes)
        {
            if (folded.Contains(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when token <paramref name="index"/> of the block is one of the exact words (prefixes aside).</summary>
    public bool MatchesExactly(AnalysisContext context, int index) =>
        _filter.MayContain(context.TokenHash(index)) && _exact.Contains(context.TokenText(index));

    /// <summary>True when some token of the block is one of the exact words (prefixes aside).</summary>
    public bool AnyExactIn(AnalysisContext context)
    {
        var hashes = context.TokenHashes;
        for (var i = _filter.IndexOfMayContain(hashes); i >= 0; i = _filter.IndexOfMayContain(hashes, i + 1))
        {
            if (_exact.Contains(context.TokenText(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when token <paramref name="index"/> of the block is one of the words.</summary>
    public bool Matches(AnalysisContext context, int index)
    {
        var token = context.TokenText(index);
        if (_filter.MayContain(context.TokenHash(index)) && _exact.Contains(token))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The words that show a sentence speaks of a person: titles, relatives, the people a social report is about, the
/// professionals around them, and "je"/"tu". The third-person pronouns are left out on purpose: in a manual "il" and
/// "elle" stand for a function or a file as often as for a person. A relative noun right after a technical noun is a
/// tree's node ("processus fils", "nœud parent"), not a person.
/// </summary>
public static class PersonWords
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words = Lookup(
        "madame", "monsieur", "mademoiselle", "mme", "mmes", "mlle", "mlles", "mr", "messieurs", "mesdames",
        "mere", "meres", "pere", "peres", "maman", "mamans", "papa", "papas", "parent", "parents", "beau-pere",
        "belle-mere", "grand-mere", "grand-pere", "grands-parents", "mamie", "papi", "papy",
        "enfant", "enfants", "fils", "fille", "filles", "garcon", "garcons", "bebe", "bebes", "nourrisson", "jeune", "jeunes",
        "adolescent", "adolescente", "adolescents", "adolescentes", "ado", "ados", "gamin", "gamine", "gamins", "gosse",
        "frere", "freres", "soeur", "soeurs", "oncle", "tante", "cousin", "cousine", "cousins", "cousines", "neveu", "niece",
        "mari", "epoux", "epouse", "compagnon", "compagne", "conjoint", "conjointe", "concubin", "concubine", "copain",
        "copine", "ami", "amie", "amis", "amies", "voisin", "voisine", "voisins", "femme", "femmes", "homme", "hommes",
        "personne", "personnes", "resident", "residente", "residents", "residentes", "patient", "patiente", "patients",
        "patientes", "beneficiaire", "beneficiaires", "usager", "usagere", "usagers", "usageres", "eleve", "eleves",
        "locataire", "pensionnaire", "pensionnaires", "accueilli", "accueillie", "victime", "victimes", "salarie", "salariee",
        "medecin", "psychiatre", "psychologue", "infirmier", "infirmiere", "educateur", "educatrice", "educateurs",
        "professeur", "professeurs", "enseignant", "enseignante", "enseignants", "enseignantes", "instituteur",
        "institutrice", "soignant", "soignante", "soignants", "soignantes", "collegue", "collegues",
        "je", "j", "tu");

    // Nouns after which a relative noun names a node of a tree, a process or an element, not a person.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TechnicalHeads = Lookup(
        "processus", "noeud", "noeuds", "thread", "threads", "tache", "taches", "fenetre", "fenetres", "element",
        "elements", "objet", "objets", "repertoire", "repertoires", "classe", "classes", "widget", "cellule", "table",
        "formulaire", "document", "dossier", "page", "style", "paragraphe", "niveau", "entree", "menu", "cadre");

    /// <summary>True when one of tokens <paramref name="first"/> to <paramref name="end"/> (exclusive) names a person.</summary>
    public static bool AnyIn(AnalysisContext context, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            if (Words.Contains(context.TokenText(i)) && !(i > 0 && TechnicalHeads.Contains(context.TokenText(i - 1))))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
