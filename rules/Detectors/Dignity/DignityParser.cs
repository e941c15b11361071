using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;
using static Cnaemo.NoteLsp.Rules.Detectors.Dignity.ParserWords;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// Finds, in one sentence, the constructions that reduce a person to a label: a copula followed by a trait or a
/// label ("Théo est très agressif", "c'est un délinquant"), a person noun followed by a trait ("Résidente
/// difficile"), a determiner followed by a label ("un drogué", "quel abruti") and fixed phrases ("cas social").
/// It knows subjects, copulas, determiners and coordination, so rewrites can keep the sentence grammatical.
/// </summary>
public sealed partial class DignityParser(DignityLexicon lexicon)
{
    // Filters for lexicon look-ups, allocated once: a lambda capturing a local would allocate on every call.
    private static readonly Func<LexiconEntry, bool> AnyEntry = _ => true;
    private static readonly Func<LexiconEntry, bool> JudgementEntry = e => e.Category == Model.Category.Judgement;
    private static readonly Func<LexiconEntry, bool> UnlessSpeculation = e => e.Need != LexiconNeed.Speculation;

    /// <summary>The lexicon in use.</summary>
    public DignityLexicon Lexicon { get; } = lexicon;

    // Every word that can begin a construction: a copula, a person or conduct noun (apposition), a determiner or
    // "espèce", a fixed phrase (noun phrase without determiner) or a verb of reputation ("considéré comme"). A token
    // outside this filter begins none, so every attempt below would fail on it.
    private readonly WordFilter _starters = WordFilter.Union(
        CopulaTable.FirstWordsOf, lexicon.Persons.FirstWordFilter, lexicon.Conduct.FirstWordFilter, DeterminerFilter, lexicon.FirstWordFilter(LexiconKind.Phrase),
        Ascriptions.FirstWordFilter);

    /// <summary>Every construction in <paramref name="sentence"/>, left to right, without overlaps.</summary>
    public List<DignityMatch> Parse(AnalysisContext context, Sentence sentence)
    {
        var matches = new List<DignityMatch>();
        Parse(context, sentence, matches);
        return matches;
    }

    /// <summary>Adds every construction in <paramref name="sentence"/> to <paramref name="matches"/>, left to right.</summary>
    public void Parse(AnalysisContext context, Sentence sentence, List<DignityMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);

        // Whether the sentence speculates matters only to a lexicon word that needs speculation; it is read the first
        // time such a word is found, and most sentences never hold one.
        bool? speculative = null;
        var before = matches.Count;
        var i = sentence.FirstToken;
        while (i < sentence.EndToken)
        {
            if (!_starters.MayContain(context.TokenHash(i)))
            {
                i++;
                continue;
            }

            var match = AtCopula(context, sentence, i) ?? AtApposition(context, sentence, i);
            if (match is null)
            {
                match = AtNoun(context, sentence, i, ref speculative) ?? AtAscription(context, sentence, i);
            }

            if (match is null)
            {
                i++;
                continue;
            }

            matches.Add(match with { Attributed = Attribution.IsAttributedOrDated(context, sentence, match) });
            i = Math.Max(i + 1, match.Span.End);

            // "Mme X agressive, démente, refuse tout": a trait of another category after a comma or "et" is a
            // finding of its own, about the same person.
            while (ListContinuation(context, sentence, matches[^1]) is { } more)
            {
                matches.Add(more);
                i = Math.Max(i, more.Span.End);
            }
        }

        if (matches.Count == before && StandingAlone(context, sentence) is { } alone)
        {
            matches.Add(alone);
        }
    }

    private DignityMatch? AtCopula(AnalysisContext context, Sentence sentence, int index)
    {
        if (CopulaTable.Match(context, index, sentence.EndToken, Lexicon.Intensifiers) is not { } copula)
        {
            return null;
        }

        var subject = FindSubject(context, sentence, index, out var relative);
        if (!subject.IsSome && !relative && !FollowsClauseStart(context, sentence, index) || relative && !RelativeOfPerson(context, sentence, index))
        {
            return null;
        }

        var start = SkipAdverbs(context, copula.End, sentence.EndToken);
        var subjectKind = Classify(context, subject);
        if (!relative && subject.IsSome && subjectKind == SubjectKind.Thing)
        {
            return null;
        }

        List<LexiconHit>? words = null;
        var determiner = TokenRange.None;

        // After a copula, words that need speculation count whatever the sentence says.
        bool? everyWord = true;
        var end = start;
        if (Traits(context, start, sentence.EndToken, AnyEntry) is { Count: > 0 } traits)
        {
            // "C'est difficile", "il est difficile de…" speak of a situation, not of a person.
            if (subjectKind == SubjectKind.Demonstrative || IsImpersonal(context, subject, traits[^1].End) || IsDifficultyOfDoing(context, traits[^1].End, sentence.EndToken))
            {
                return null;
            }

            words = traits;
            end = traits[^1].End;
        }
        else if (NounPhrase(context, sentence, start, ref everyWord, requireDeterminer: true) is { } noun)
        {
            words = [.. noun.Words];
            determiner = noun.Determiner;
            end = noun.Span.End;
        }

        if (words is null)
        {
            return null;
        }

        var first = subject.IsSome ? subject.First : index;
        return new DignityMatch
        {
            Place = subject.IsSome ? RewritePlace.Clause : RewritePlace.Predicate,
            Span = new TokenRange(first, end),
            Words = words,
            Subject = subject,
            Copula = copula,
            Determiner = determiner,
            Negated = HasNegation(context, subject.IsSome ? subject.End : index, start) || HasNegation(context, Math.Max(sentence.FirstToken, index - 1), index),
        };
    }

    private DignityMatch? AtApposition(AnalysisContext context, Sentence sentence, int index)
    {
        var personLength = Lexicon.Persons.MatchAt(context, index, sentence.EndToken);
        var isPerson = personLength > 0;
        var length = isPerson ? personLength : Lexicon.Conduct.MatchAt(context, index, sentence.EndToken);
        if (length == 0)
        {
            return null;
        }

        // "Mme X agressive", "M. R. alcoolique": the name after a title belongs to the noun.
        var nounEnd = isPerson ? SkipNameAfterTitle(context, sentence, index, index + length) : index + length;
        var start = SkipAdverbs(context, nounEnd, sentence.EndToken);
        var traits = Traits(context, start, sentence.EndToken, isPerson ? AnyEntry : JudgementEntry, allowAdverbs: false);
        if (traits is not { Count: > 0 } || IsDifficultyOfDoing(context, traits[^1].End, sentence.EndToken))
        {
            return null;
        }

        return new DignityMatch
        {
            Place = isPerson ? RewritePlace.Apposition : RewritePlace.Conduct,
            Span = new TokenRange(index, traits[^1].End),
            Words = traits,
            Noun = new TokenRange(index, nounEnd),
            Negated = HasNegation(context, nounEnd, start),
        };
    }

    private DignityMatch? AtNoun(AnalysisContext context, Sentence sentence, int index, ref bool? speculative)
    {
        if (NounPhrase(context, sentence, index, ref speculative, requireDeterminer: false) is not { } noun)
        {
            return null;
        }

        // "Quel abruti, il a encore cassé la porte." The exclamation takes its comma with it.
        var head = noun.Determiner.IsSome ? WordSet.Key(context, noun.Determiner.First, noun.Determiner.End) : "";
        if (noun.Determiner.First == sentence.FirstToken && head is "quel" or "quelle" or "quels" or "quelles" or "espece de" or "espece d'"
            && noun.Span.End < sentence.EndToken && context.TokenText(noun.Span.End) is "," or "!")
        {
            return noun with { Place = RewritePlace.Exclamation, Span = new TokenRange(noun.Span.First, noun.Span.End + 1) };
        }

        return noun;
    }

    /// <summary>A label or phrase, with its determiner and the adjectives that belong to it.</summary>
    private DignityMatch? NounPhrase(AnalysisContext context, Sentence sentence, int index, ref bool? speculative, bool requireDeterminer)
    {
        var end = sentence.EndToken;
        var determinerLength = DeterminerAt(context, index, end);
        var cursor = index + determinerLength;
        LexiconHit? hit;
        while (true)
        {
            hit = MatchNoun(context, sentence, cursor, LexiconKind.Phrase, ref speculative);
            if (hit is null && determinerLength > 0)
            {
                hit = MatchNoun(context, sentence, cursor, LexiconKind.Label, ref speculative);
            }

            // Adjectives such as "vrai", "petit" or "sale" may stand between the determiner and the label.
            if (hit is not null || determinerLength == 0 || Lexicon.PreNominal.MatchAt(context, cursor, end) is not (var pre and > 0))
            {
                break;
            }

            cursor += pre;
        }

        List<LexiconHit>? words = hit is null ? null : [hit];
        if (words is null && determinerLength > 0 && requireDeterminer && Lexicon.Persons.MatchAt(context, cursor, end) is var person and > 0)
        {
            // "une mère toxique", "une famille défaillante" after a copula.
            words = Traits(context, cursor + person, end, AnyEntry, allowAdverbs: false);
        }

        if (words is not { Count: > 0 } || (requireDeterminer && determinerLength == 0 && words[0].Entry.Kind != LexiconKind.Phrase))
        {
            return null;
        }

        if (determinerLength == 0 && words[0].Entry.Kind != LexiconKind.Phrase)
        {
            return null;
        }

        var last = words[^1].End;
        while (last < end && Lexicon.PostNominal.MatchAt(context, last, end) is var post and > 0)
        {
            last += post;
        }

        var first = determinerLength > 0 ? index : cursor;
        return new DignityMatch
        {
            Place = RewritePlace.Noun,
            Span = new TokenRange(first, last),
            Words = words,
            Determiner = determinerLength > 0 ? new TokenRange(index, index + determinerLength) : TokenRange.None,
        };
    }

    /// <summary>
    /// The lexicon word of <paramref name="kind"/> at <paramref name="index"/>; a word that needs speculation counts
    /// only in a sentence that speculates and names no clinician. Matching with any entry first gives the same hit as
    /// matching with that condition whenever the first entry found does not need speculation, so the sentence is
    /// read only when one does.
    /// </summary>
    private LexiconHit? MatchNoun(AnalysisContext context, Sentence sentence, int index, LexiconKind kind, ref bool? speculative)
    {
        var hit = Lexicon.Match(context, index, sentence.EndToken, kind);
        if (hit is null || hit.Entry.Need != LexiconNeed.Speculation)
        {
            return hit;
        }

        speculative ??= Lexicon.Speculation.AnyIn(context, sentence.FirstToken, sentence.EndToken)
            && !Lexicon.Clinicians.AnyIn(context, sentence.FirstToken, sentence.EndToken);
        return speculative.Value ? hit : Lexicon.Match(context, index, sentence.EndToken, kind, UnlessSpeculation);
    }

    /// <summary>A trait, or traits joined by "et" / "ou" ("sale et négligée"), starting at <paramref name="index"/>.</summary>
    private List<LexiconHit>? Traits(AnalysisContext context, int index, int end, Func<LexiconEntry, bool> accept, bool allowAdverbs = true)
    {
        var first = Lexicon.Match(context, index, end, LexiconKind.Trait, accept);
        if (first is null)
        {
            return null;
        }

        var hits = new List<LexiconHit> { first };
        var cursor = first.End;
        while (cursor + 1 < end && context.TokenText(cursor) is "et" or "ou" or ",")
        {
            var next = allowAdverbs ? SkipAdverbs(context, cursor + 1, end) : cursor + 1;
            if (next > cursor + 1 || Lexicon.Match(context, next, end, LexiconKind.Trait) is not { } more)
            {
                break;
            }

            // A list separated by commas stays one finding only within one category; a trait of another category
            // becomes a finding of its own (see ListContinuation).
            if (context.TokenText(cursor) is "," && more.Entry.Category != first.Entry.Category)
            {
                break;
            }

            hits.Add(more);
            cursor = more.End;
        }

        return hits;
    }

    private int SkipAdverbs(AnalysisContext context, int index, int end)
    {
        while (index < end && Lexicon.Intensifiers.MatchAt(context, index, end) is var length and > 0)
        {
            index += length;
        }

        return index;
    }

    private static int DeterminerAt(AnalysisContext context, int index, int end)
    {
        if (index >= end)
        {
            return 0;
        }

        if (!DeterminerFilter.MayContain(context.TokenHash(index)))
        {
            return 0;
        }

        var token = context.TokenText(index);
        if (token is "espece" && index + 1 < end && context.TokenText(index + 1) is "de" or "d'")
        {
            return 2;
        }

        if (token is "de" && index + 1 < end && context.TokenIs(index + 1, "la"))
        {
            return 2;
        }

        return IsDeterminer(context, index) ? 1 : 0;
    }
}
