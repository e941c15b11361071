using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;
using static Cnaemo.NoteLsp.Rules.Detectors.Dignity.ParserWords;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// Whether a clause speaks of a person. Generalisations and hearsay matter only about people: "cette opération
/// n'est jamais bloquante" or "la méthode renvoie toujours 0" describe things. A clause whose subject is a person
/// noun after a determiner or a title ("la mère", "Mme P.") or a subject pronoun speaks of a person; one whose subject
/// is another noun after a determiner speaks of a thing; a name or no subject at all (note style) speaks of a person
/// when the sentence names one somewhere ("la mère", "le résident", "Madame"). Only the sentence is read, so that a
/// finding never depends on the lines around it (incremental linting re-reads only the edited lines).
/// </summary>
internal static class PersonSubjects
{
    private static readonly HashSet<string> ClauseStarts = new(StringComparer.Ordinal)
    {
        "que", "qu'", "qui", "si", "s'", "quand", "lorsque", "lorsqu'", "dont", "ou", "car", "puisque", "puisqu'", "comme", "afin", "pour",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        // "vous", "nous", "je" address the reader of a manual far more often than they describe a person, and
        // "celui-ci" stands for a thing as often as for a person.
        "il", "elle", "ils", "elles", "lui", "eux",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mme", "mmes", "mlle", "madame", "monsieur", "mademoiselle", "mr",
    };

    /// <summary>Whether the clause around token <paramref name="index"/> speaks of a person.</summary>
    public static bool IsAboutPerson(AnalysisContext context, Sentence sentence, int index)
    {
        var persons = DignityLexicon.BuiltIn.Persons;
        var hasThing = false;
        var hasPronounOrName = false;
        for (var k = index - 1; k >= sentence.FirstToken; k--)
        {
            var token = context.TokenText(k);
            if (context.TokenAt(k).Kind == TokenKind.Punctuation && token is not ("." or "-" or "'"))
            {
                break;
            }

            if (ClauseStarts.Contains(token.ToString()))
            {
                break;
            }

            if (token is "on")
            {
                return false;
            }

            if (IsPersonNoun(context, k, index, persons))
            {
                return true;
            }

            // "s'il…", "s'ils…": a hypothesis, not a statement about someone.
            if (token is "il" or "ils" && k > sentence.FirstToken && context.TokenText(k - 1) is "s'")
            {
                return false;
            }

            // "il vaut mieux", "il existe", "il faut", "il y a", "il ne devrait jamais y avoir": "il" stands for nothing.
            if (token is "il" && IsImpersonal(context, k, index))
            {
                return false;
            }

            if (Pronouns.Contains(token.ToString()))
            {
                // A subject pronoun right before the verb ("il ment", "elle ne vient jamais") stands for a person in
                // the writing this tool reads; the pronouns of technical prose mostly follow a thing named in the
                // same clause, which the determiner test below catches first.
                return !hasThing;
            }
            else if (IsDeterminer(context, k) && k + 1 < index && context.TokenAt(k + 1).Kind == TokenKind.Word && persons.MatchAt(context, k + 1, index) == 0)
            {
                hasThing = true;
            }
            else if (k > sentence.FirstToken && context.TokenAt(k).Kind == TokenKind.Word && char.IsUpper(context.Text[context.OriginalStart(k)]))
            {
                hasPronounOrName = true;
            }
        }

        if (hasThing && !hasPronounOrName)
        {
            return false;
        }

        return NamesPerson(context, sentence, persons);
    }

    private static readonly HashSet<string> ImpersonalVerbs = new(StringComparer.Ordinal)
    {
        "vaut", "valait", "existe", "existait", "faut", "fallait", "faudra", "faudrait", "suffit", "suffisait", "convient",
        "importe", "s'agit", "agit", "y",
    };

    private static bool IsImpersonal(AnalysisContext context, int pronoun, int end)
    {
        for (var k = pronoun + 1; k < Math.Min(end + 3, context.TokenCount) && k <= pronoun + 6; k++)
        {
            if (ImpersonalVerbs.Contains(context.TokenText(k).ToString()))
            {
                return true;
            }
        }

        return false;
    }

    // A person noun after a determiner or at the head of a note ("Résidente", "Client"), or a title.
    private static bool IsPersonNoun(AnalysisContext context, int k, int end, WordSet persons)
    {
        if (Titles.Contains(context.TokenText(k).ToString()))
        {
            return true;
        }

        if (persons.MatchAt(context, k, end) == 0)
        {
            return false;
        }

        return k == 0 || IsDeterminer(context, k - 1) || context.TokenAt(k - 1).Kind == TokenKind.Punctuation;
    }

    /// <summary>Whether the sentence names a person somewhere: a title, or a person noun after a determiner.</summary>
    public static bool NamesPerson(AnalysisContext context, Sentence sentence) => NamesPerson(context, sentence, DignityLexicon.BuiltIn.Persons);

    private static bool NamesPerson(AnalysisContext context, Sentence sentence, WordSet persons)
    {
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            if (IsPersonNoun(context, k, sentence.EndToken, persons))
            {
                return true;
            }
        }

        return false;
    }
}
