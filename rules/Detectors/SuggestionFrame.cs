using Cnaemo.NoteLsp.Rules.Morphology;
using Cnaemo.NoteLsp.Rules.Rephrasing;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// Decides whether a data rule's placeholder rephrasing fits the words around its match. A term rule matches a
/// verb phrase or a noun phrase ("sent le tabac", "manque de respect", "perdent la boule") without knowing its
/// frame, and its placeholder ("[décrire les faits observés…]") replaces the whole phrase. That is French only when
/// the phrase is a whole constituent: nothing before it still waits for a noun or an infinitive, nothing after it
/// still hangs on it, and a verb slot ("a [décrire…]") agrees with the person of the verb it replaces. When it does
/// not fit, the rephrasing is left out: a wrong rephrasing is worse than none.
/// </summary>
public static class SuggestionFrame
{
    // A determiner before the match would stay in front of the placeholder ("Une [décrire…] parentale").
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "un", "une", "le", "la", "les", "l'", "des", "du", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "ton", "ta",
        "tes", "ce", "cet", "cette", "ces", "notre", "nos", "votre", "vos", "quel", "quelle", "quels", "quelles", "aucun", "aucune",
    };

    // An adjective after the match agrees with the noun the match ends on ("Odeurs fortes"): the placeholder would
    // leave it qualifying nothing. A word that may also be a verb, an adverb or a closed-class word is not taken.
    private static bool IsOnlyAnAdjective(string word)
    {
        var reading = FrenchLexicon.Shared.Classify(word, Tolerance.Accents);
        return reading.Is(PartOfSpeech.Adjective) && !reading.Is(PartOfSpeech.Verb | PartOfSpeech.Preposition | PartOfSpeech.Adverb
            | PartOfSpeech.Determiner | PartOfSpeech.Pronoun | PartOfSpeech.Conjunction | PartOfSpeech.GrammaticalWord);
    }

    // A preposition before the match waits for a noun or an infinitive ("une raison pour [décrire…]").
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "pour", "sans", "de", "d'", "par", "à", "afin", "avant", "après",
    };

    // Words after the match that depend on it: a complement of the replaced noun or verb ("manque de respect à
    // l'égard des élèves", "se laisse couler sur sa chaise"), the agent of a passive ("n'est pas investi par
    // madame"), the second half of a negation ("ni habillé"), a comparison ("comme un fromage").
    private static readonly HashSet<string> Dependents = new(StringComparer.Ordinal)
    {
        "de", "d'", "du", "des", "ni", "comme", "envers", "sur", "que", "qu'", "vis-à-vis", "égard", "pour", "face", "par",
    };

    private static readonly HashSet<string> Coordinations = new(StringComparer.Ordinal) { "et", "ou", "mais", "puis" };

    private static readonly HashSet<string> SubjectPronouns = new(StringComparer.Ordinal) { "il", "elle", "ils", "elles", "on" };

    // Clitics that may stand before the verb a verb slot replaces ("n'a pas de cerveau", "se goinfre").
    private static readonly HashSet<string> Clitics = new(StringComparer.Ordinal)
    {
        "ne", "n'", "se", "s'", "y", "en", "le", "la", "les", "l'", "lui", "leur",
    };

    /// <summary>
    /// <paramref name="replacement"/> made to fit the match from <paramref name="start"/> to <paramref name="end"/>,
    /// or null when it cannot. Rephrasings without a placeholder are returned unchanged.
    /// </summary>
    public static string? Fit(string text, int start, int end, string replacement)
    {
        if (!replacement.Contains('[', StringComparison.Ordinal))
        {
            return replacement;
        }

        var matched = text[start..end];
        if (!ContainsALetter(matched))
        {
            return FitsAfterPunctuation(text, start, replacement) ? AgreeWithTheNounBefore(text, start, replacement) : null;
        }

        var previous = WordBefore(text, start);
        var next = WordAfter(text, end, out var afterNext);
        var placeholderFirst = replacement[0] == '[';
        if (placeholderFirst && previous is { } p && (Determiners.Contains(p) || Prepositions.Contains(p)))
        {
            return null;
        }

        // "Des rumeurs circulent" gives "Des selon [source] circulent": after a determiner only a noun may come.
        if (previous is { } d && Determiners.Contains(d) && FirstWord(replacement) is { } head
            && !FrenchLexicon.Shared.Classify(head, Tolerance.Accents).Is(PartOfSpeech.Noun))
        {
            return null;
        }

        // "pour qu'on la plaigne" says why, and does not hang on the replaced words as "pour son âge" does.
        var purpose = next is "pour" && afterNext is "que" or "qu'";
        if (next is { } n && !purpose && (Dependents.Contains(n) || IsOnlyAnAdjective(n) || n == "à" && afterNext is "l'" && Regard(text, end)))
        {
            return null;
        }

        // "Sent le tabac et la cave": a noun coordinated with the end of the match would lose its verb.
        if (next is { } c && Coordinations.Contains(c) && afterNext is { } a && Determiners.Contains(a))
        {
            return null;
        }

        // "le [date]" dates one event: it contradicts a duration that follows ("perd la boule depuis l'été").
        if (next is "depuis" or "toujours" or "souvent" or "parfois" && replacement.Contains("le [date]", StringComparison.Ordinal))
        {
            return null;
        }

        var first = FirstWord(matched);
        // "Il s'écoute trop et raconte des conneries": the match took the pronoun in, and the coordinated verb would
        // lose its subject; a pronoun kept before a placeholder ("Il [décrire…]") is not French either.
        if (placeholderFirst && first is { } pronoun && SubjectPronouns.Contains(pronoun.ToLowerInvariant()) && next is { } k && Coordinations.Contains(k))
        {
            return null;
        }

        if (replacement.StartsWith("a [", StringComparison.Ordinal) || replacement.StartsWith("A [", StringComparison.Ordinal))
        {
            return AgreeWithTheVerb(matched, replacement);
        }

        return replacement;
    }

    /// <summary>
    /// A rephrasing that opens with "a" ("a [décrire…]", "a dit le [date]") replaces a finite verb of the third
    /// person: "perdent la boule" or "disent" takes "ont", a match that opens on no verb ("sans dents") or on a verb
    /// of another person takes nothing.
    /// </summary>
    public static string? AgreeWithTheVerb(string matched, string replacement)
    {
        var words = Words(matched);
        var i = 0;
        while (i < words.Count - 1 && Clitics.Contains(words[i].ToLowerInvariant()))
        {
            i++;
        }

        if (i >= words.Count)
        {
            return null;
        }

        var person = VerbPerson.None;
        foreach (var reading in FrenchLexicon.Shared.Analyse(words[i], Tolerance.Accents))
        {
            if (reading.Tag.PartOfSpeech.HasFlag(PartOfSpeech.Verb) && (reading.Tag.Tense & FiniteTenses) != 0)
            {
                person |= reading.Tag.Person;
            }
        }

        if (person.HasFlag(VerbPerson.ThirdSingular))
        {
            return replacement;
        }

        return person.HasFlag(VerbPerson.ThirdPlural) ? (replacement[0] == 'A' ? "Ont" : "ont") + replacement[1..] : null;
    }

    private const VerbTense FiniteTenses = VerbTense.Present | VerbTense.Imperfect | VerbTense.SimplePast | VerbTense.Future
        | VerbTense.Conditional | VerbTense.SubjunctivePresent | VerbTense.SubjunctiveImperfect;

    /// <summary>
    /// A rephrasing that replaces only punctuation ("!!!" becomes " le [date].") adds a date at the end of the
    /// sentence. That is note style for a sentence without a verb ("Refus de soin le [date]."); after a verb the date
    /// would attach to it and may contradict it ("n'a jamais fait de miracle le [date]"), so it is left out.
    /// </summary>
    private static bool FitsAfterPunctuation(string text, int start, string replacement)
    {
        if (!replacement.Contains("le [date]", StringComparison.Ordinal))
        {
            return true;
        }

        var sentenceStart = start;
        while (sentenceStart > 0 && text[sentenceStart - 1] is not ('.' or '!' or '?' or '\n' or '…'))
        {
            sentenceStart--;
        }

        // A note that already says when ("Très agressive ce matin !", "Chute le 3 mars !") needs no second date.
        foreach (var c in text.AsSpan(sentenceStart, start - sentenceStart))
        {
            if (char.IsDigit(c))
            {
                return false;
            }
        }

        foreach (var word in Words(text[sentenceStart..start]))
        {
            if (word.ToLowerInvariant() is "hier" or "matin" or "soir" or "nuit" or "midi" or "aujourd'" or "veille" or "lendemain")
            {
                return false;
            }

            foreach (var reading in FrenchLexicon.Shared.Analyse(word, Tolerance.Accents))
            {
                if (reading.Tag.PartOfSpeech.HasFlag(PartOfSpeech.Verb) && (reading.Tag.Tense & FiniteTenses) != 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A rephrasing of punctuation that opens with an adjective (" importante ([décrire…])" for "+++") qualifies
    /// the noun before it: the adjective takes that noun's gender and number ("Cris importants"). After a word that
    /// is not a noun of one agreement ("Fatigué +++"), the adjective would qualify nothing, so there is no rephrasing.
    /// </summary>
    private static string? AgreeWithTheNounBefore(string text, int start, string replacement)
    {
        var lexicon = FrenchLexicon.Shared;
        var words = Words(replacement);
        if (words.Count == 0 || !replacement.TrimStart().StartsWith(words[0], StringComparison.Ordinal)
            || !lexicon.Classify(words[0]).Is(PartOfSpeech.Adjective))
        {
            return replacement;
        }

        if (WordBefore(text, start) is not { } noun || !lexicon.Classify(noun, Tolerance.Accents).Is(PartOfSpeech.Noun)
            || lexicon.Classify(noun, Tolerance.Accents).Is(PartOfSpeech.Adjective))
        {
            return null;
        }

        // An invariable noun ("stress", "repos") allows both numbers; a note names it in the singular.
        var agreements = lexicon.AgreementsOf(noun, PartOfSpeech.Noun);
        if (agreements.Count > 1)
        {
            agreements = [.. agreements.Where(a => a.Number == GrammaticalNumber.Singular)];
        }

        if (agreements.Count != 1 || lexicon.Reinflect(words[0], agreements[0], PartOfSpeech.Adjective) is not { } form)
        {
            return null;
        }

        var at = replacement.IndexOf(words[0], StringComparison.Ordinal);
        return replacement[..at] + form + replacement[(at + words[0].Length)..];
    }

    // "à l'égard de" after the match is the complement of the noun it replaces ("manque de respect à l'égard…").
    private static bool Regard(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(16, text.Length - end)).TrimStart(' ');
        return rest.StartsWith("à l'égard", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("à l\u2019égard", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when no word follows <paramref name="end"/> in its clause (punctuation or the end of the text does).</summary>
    public static bool EndsAClause(string text, int end) => WordAfter(text, end, out _) is null;

    private static bool ContainsALetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c == '-';

    /// <summary>The words of <paramref name="text"/>, an elided article or pronoun kept with its apostrophe ("l'").</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var elided = i < text.Length && text[i] is '\'' or '\u2019';
            words.Add(text[s..i] + (elided ? "'" : ""));
            if (elided)
            {
                i++;
            }
        }

        return words;
    }

    private static string? FirstWord(string text) => Words(text) is { Count: > 0 } words ? words[0] : null;

    /// <summary>The word just before <paramref name="start"/> in the same sentence, lower-cased, or null.</summary>
    private static string? WordBefore(string text, int start)
    {
        var i = start;
        while (i > 0 && text[i - 1] == ' ')
        {
            i--;
        }

        var elided = i > 0 && text[i - 1] is '\'' or '\u2019';
        var e = elided ? i - 1 : i;
        var s = e;
        while (s > 0 && IsWordChar(text[s - 1]))
        {
            s--;
        }

        return s == e ? null : (text[s..e] + (elided ? "'" : "")).ToLowerInvariant();
    }

    /// <summary>The word just after <paramref name="end"/> in the same clause, lower-cased, and the one after it.</summary>
    private static string? WordAfter(string text, int end, out string? afterNext)
    {
        afterNext = null;
        var i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || !IsWordChar(text[i]))
        {
            return null;
        }

        var words = Words(text[i..Math.Min(text.Length, i + 60)]);
        if (words.Count > 1)
        {
            afterNext = words[1].ToLowerInvariant();
        }

        return words.Count > 0 ? words[0].ToLowerInvariant() : null;
    }
}
