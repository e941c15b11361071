using Cnaemo.NoteLsp.Rules.Rephrasing;

namespace Cnaemo.NoteLsp.Rules.Morphology;

/// <summary>
/// Inflection of nouns and adjectives. The lexicon maps forms to lemmas, not the other way, so the generator
/// recorded every ending that turns a lemma into one of its forms ("f" → "ve" for agressif → agressive); a lemma is
/// inflected by trying the endings it ends with and keeping the candidates that the lexicon reads back as a form of
/// that lemma with the gender and number asked. Every form returned is therefore a form of the lexicon.
/// </summary>
public sealed partial class FrenchLexicon
{
    /// <summary>
    /// The forms of the noun or adjective <paramref name="lemma"/> for a gender and number, the most regular first
    /// (the ending most common in the lexicon: "vieux" before "vieil", which stands only before a vowel), an epicene
    /// or invariable form counting for both genders or numbers ("agressif", feminine, plural → "agressives";
    /// "difficile", feminine, singular → "difficile"). Empty when the lexicon has no such form
    /// ("peste" has no masculine). Every form returned is a form of the lexicon whose lemma is <paramref name="lemma"/>.
    /// </summary>
    public IReadOnlyList<string> Inflect(string lemma, LexicalGender gender, LexicalNumber number,
        PartOfSpeech partOfSpeech = PartOfSpeech.Noun | PartOfSpeech.Adjective)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        var candidates = new List<(int Score, int Rank, string Form)>();
        Span<char> buffer = stackalloc char[128];
        for (var cut = 0; cut <= Math.Min(_longestLemmaEnding, lemma.Length); cut++)
        {
            if (!_rulesByLemmaEnding.TryGetValue(lemma[^cut..], out var rules))
            {
                continue;
            }

            var stem = lemma.AsSpan(0, lemma.Length - cut);
            var stemNode = _graph.Walk(stem, lower: false);
            if (stemNode < 0)
            {
                continue;
            }

            foreach (var (rank, formEnding) in rules)
            {
                // The candidate is built on the stack; only the forms that the lexicon confirms become strings.
                var length = stem.Length + formEnding.Length;
                if (length > buffer.Length)
                {
                    continue;
                }

                stem.CopyTo(buffer);
                formEnding.CopyTo(buffer[stem.Length..]);
                var form = buffer[..length];
                var score = _graph.FitOf(_graph.WalkFrom(stemNode, formEnding, lower: false), form, lemma, gender, number, partOfSpeech);
                if (score >= 0 && !Contains(candidates, form))
                {
                    candidates.Add((score, rank, new string(form)));
                }
            }
        }

        candidates.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Score.CompareTo(b.Score));
        return [.. candidates.Select(c => c.Form)];
    }

    /// <summary>The forms of <paramref name="lemma"/> for a gender and number of the dignity grammar.</summary>
    public IReadOnlyList<string> Inflect(string lemma, Agreement agreement, PartOfSpeech partOfSpeech = PartOfSpeech.Noun | PartOfSpeech.Adjective) =>
        Inflect(lemma, agreement.Gender == Gender.Feminine ? LexicalGender.Feminine : LexicalGender.Masculine,
            agreement.Number == GrammaticalNumber.Plural ? LexicalNumber.Plural : LexicalNumber.Singular, partOfSpeech);

    /// <summary>
    /// The form of the same noun or adjective as <paramref name="word"/> for another agreement ("agressive",
    /// masculine plural → "agressifs"), or null when the lexicon has none. The word may be in capitals or lack its accents.
    /// </summary>
    public string? Reinflect(ReadOnlySpan<char> word, Agreement agreement, PartOfSpeech partOfSpeech = PartOfSpeech.Noun | PartOfSpeech.Adjective)
    {
        foreach (var lemma in Lemmas(word, partOfSpeech))
        {
            if (Inflect(lemma, agreement, partOfSpeech) is [var form, ..])
            {
                return form;
            }
        }

        return null;
    }

    /// <summary>The agreements (ms, fs, mp, fp) a form of <paramref name="partOfSpeech"/> may carry: two for an epicene word, four for an invariable epicene one.</summary>
    public IReadOnlyList<Agreement> AgreementsOf(ReadOnlySpan<char> word, PartOfSpeech partOfSpeech = PartOfSpeech.Noun | PartOfSpeech.Adjective)
    {
        var agreements = new List<Agreement>();
        foreach (var reading in Analyse(word))
        {
            if (!reading.Is(partOfSpeech))
            {
                continue;
            }

            for (var index = 0; index < 4; index++)
            {
                var agreement = Agreement.FromIndex(index);
                var gender = agreement.Gender == Gender.Feminine ? LexicalGender.Feminine : LexicalGender.Masculine;
                var number = agreement.Number == GrammaticalNumber.Plural ? LexicalNumber.Plural : LexicalNumber.Singular;
                if (reading.Tag.Allows(gender) && reading.Tag.Allows(number) && !agreements.Contains(agreement))
                {
                    agreements.Add(agreement);
                }
            }
        }

        return agreements;
    }

    private static bool Contains(List<(int Score, int Rank, string Form)> candidates, ReadOnlySpan<char> form)
    {
        foreach (var candidate in candidates)
        {
            if (form.SequenceEqual(candidate.Form))
            {
                return true;
            }
        }

        return false;
    }
}
