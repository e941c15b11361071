using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// The constructions of note style, as handover notes and comment fields are written: a name after a title
/// ("Mme X agressive"), lists of traits after a comma ("agressive, démente, refuse tout") and a trait or label
/// standing alone as the whole sentence ("Menteuse.", "FOLLE"). Those findings carry no rewrite: no template knows
/// a sentence without a verb or a subject, and a wrong rephrasing is worse than none.
/// </summary>
public sealed partial class DignityParser
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mme", "mmes", "mlle", "mlles", "m", "mr", "mm", "madame", "monsieur", "mademoiselle", "messieurs", "mesdames",
    };

    private static readonly HashSet<string> Bullets = new(StringComparer.Ordinal) { "-", "*", "•", "–", "—", "·", ">" };

    private static readonly HashSet<string> FinalPunctuation = new(StringComparer.Ordinal) { ".", "!", "?", "…", "...", ";" };

    /// <summary>
    /// After a title, the name that follows: capitalised words and initials ("Mme X", "M. R.", "Madame Durand"),
    /// at most three words. A word of the lexicon ends the name, so "MME DURAND AGRESSIVE" keeps its trait.
    /// </summary>
    private int SkipNameAfterTitle(AnalysisContext context, Sentence sentence, int title, int end)
    {
        if (end - title != 1 || !Titles.Contains(context.TokenText(title).ToString()))
        {
            return end;
        }

        var cursor = end;
        if (cursor < sentence.EndToken && context.TokenText(cursor) is ".")
        {
            cursor++;
        }

        var words = 0;
        while (cursor < sentence.EndToken && words < 3 && context.TokenAt(cursor).Kind == TokenKind.Word
            && char.IsUpper(context.Text[context.OriginalStart(cursor)])
            && Lexicon.Match(context, cursor, sentence.EndToken, LexiconKind.Trait) is null
            && Lexicon.Intensifiers.MatchAt(context, cursor, sentence.EndToken) == 0)
        {
            cursor++;
            words++;
            if (cursor < sentence.EndToken && context.TokenText(cursor) is ".")
            {
                cursor++;
            }
        }

        return words > 0 ? cursor : end;
    }

    /// <summary>
    /// Whether a copula without a subject may still be a predicate of a person: at the start of a sentence, after a
    /// comma or a clause word ("…, est agressif"). After a closing bracket it is the predicate of a thing the bracket
    /// ends ("getpw() est dangereuse").
    /// </summary>
    private static bool FollowsClauseStart(AnalysisContext context, Sentence sentence, int copula)
    {
        var k = copula - 1;
        while (k >= sentence.FirstToken && ParserWords.ObjectCliticLookup.Contains(context.TokenText(k)))
        {
            // "y est nul", "en est…": a clitic of place or quantity, no person is the subject.
            if (context.TokenText(k) is "y" or "en")
            {
                return false;
            }

            k--;
        }

        if (k < sentence.FirstToken)
        {
            return true;
        }

        var previous = context.TokenText(k);
        if (context.TokenAt(k).Kind == TokenKind.Punctuation)
        {
            return previous is not (")" or "]" or "}");
        }

        // After "si", "que", "quand"… the subject is missing ("si y est nul"): the predicate is of something unnamed.
        // After a plain word, the subject was only too long to be read.
        return !ParserWords.ClauseBoundaryLookup.Contains(previous) || previous is "et" or "mais" or "puis" or "ou";
    }

    /// <summary>
    /// Whether the antecedent of the "qui" before a copula is a person: "le jeune, qui est agressif" is,
    /// "un champ de bits qui peut être nul" is not. A name, a person noun or "celui"/"celle" count.
    /// </summary>
    private bool RelativeOfPerson(AnalysisContext context, Sentence sentence, int copula)
    {
        var k = copula - 1;
        while (k > sentence.FirstToken && context.TokenText(k) is not "qui")
        {
            k--;
        }

        k--;
        while (k >= sentence.FirstToken && context.TokenText(k) is ",")
        {
            k--;
        }

        if (k < sentence.FirstToken)
        {
            return true;
        }

        var antecedent = context.TokenText(k);
        if (antecedent is "celui" or "celle" or "ceux" or "celles" || Lexicon.Persons.MatchAt(context, k, sentence.EndToken) > 0)
        {
            return true;
        }

        // "Mme P., qui…", "Théo, qui…": a capitalised word or an initial.
        var original = context.OriginalStart(k);
        return context.TokenAt(k).Kind == TokenKind.Word && char.IsUpper(context.Text[original]) || antecedent is ".";
    }

    /// <summary>
    /// A trait after the last trait of <paramref name="previous"/>, joined by a comma or "et", of another category
    /// ("agressive, démente"): the same person is described, so the trait is a finding of its own category.
    /// </summary>
    private DignityMatch? ListContinuation(AnalysisContext context, Sentence sentence, DignityMatch previous)
    {
        if (previous.Words[^1].Entry.Kind != LexiconKind.Trait || previous.Place is RewritePlace.Noun or RewritePlace.Exclamation)
        {
            return null;
        }

        var cursor = previous.Span.End;
        if (cursor + 1 >= sentence.EndToken || context.TokenText(cursor) is not ("," or "et"))
        {
            return null;
        }

        var start = SkipAdverbs(context, cursor + 1, sentence.EndToken);
        if (Traits(context, start, sentence.EndToken, AnyEntry, allowAdverbs: false) is not { Count: > 0 } traits
            || IsDifficultyOfDoing(context, traits[^1].End, sentence.EndToken))
        {
            return null;
        }

        return new DignityMatch
        {
            Place = previous.Place,
            Span = new TokenRange(start, traits[^1].End),
            Words = traits,
            Noun = previous.Noun,
            Subject = previous.Subject,
            Negated = previous.Negated,
            Attributed = previous.Attributed,
            WithoutRewrite = true,
        };
    }

    private static readonly Func<LexiconEntry, bool> JudgementOrInsult =
        e => e.Category is Model.Category.Judgement or Model.Category.Insult;

    private static bool IsPersonLikeHead(AnalysisContext context, int index)
    {
        if (context.TokenAt(index).Kind != TokenKind.Word || !char.IsUpper(context.Text[context.OriginalStart(index)]))
        {
            return false;
        }

        var span = context.OriginalSpan(index, index + 1);
        var reading = Morphology.FrenchLexicon.Shared.Classify(context.Text.AsSpan(span.Start, span.Length));
        return reading.Is(Morphology.PartOfSpeech.Noun) && reading.Is(Morphology.PartOfSpeech.Adjective)
            && !reading.Is(Morphology.PartOfSpeech.Verb) && reading.Match is Morphology.MatchKind.Exact or Morphology.MatchKind.Case;
    }

    private static bool StartsOnItsOwn(AnalysisContext context, Sentence sentence)
    {
        var start = context.OriginalStart(sentence.FirstToken);
        if (start == 0)
        {
            return true;
        }

        var before = context.Text[start - 1];
        if (!char.IsWhiteSpace(before) && before is not ('-' or '*' or '•'))
        {
            return false;
        }

        // A line of its own starts with a capital ("Menteuse.", "FOLLE"); a lower-case word after a line break
        // continues the sentence of the line before ("… si sendnow est non\n nul.").
        if (char.IsUpper(context.Text[start]))
        {
            return true;
        }

        var k = start - 1;
        while (k >= 0 && char.IsWhiteSpace(context.Text[k]))
        {
            k--;
        }

        return k < 0 || context.Text[k] is '.' or '!' or '?' or '…';
    }

    /// <summary>
    /// A trait or label that is the whole sentence, with adverbs before it ("Menteuse.", "Très agressive !",
    /// "- FOLLE"): a comment field that names the person by a trait.
    /// </summary>
    private DignityMatch? StandingAlone(AnalysisContext context, Sentence sentence)
    {
        var first = sentence.FirstToken;
        var end = sentence.EndToken;
        while (first < end && Bullets.Contains(context.TokenText(first).ToString()))
        {
            first++;
        }

        while (end > first && context.TokenAt(end - 1).Kind == TokenKind.Punctuation && FinalPunctuation.Contains(context.TokenText(end - 1).ToString()))
        {
            end--;
        }

        // A comment field stands on its own: at the start of the text or of a line, or after a sentence that ends
        // with a space ("Refuse la toilette. Menteuse."). "ALEA.ENTRE.BORNES" is one name cut by full stops.
        if (end - first is < 1 or > 6 || !StartsOnItsOwn(context, sentence))
        {
            return null;
        }

        // "Motif : boulet.", "Comportement : vicieux": a field name and a colon before the word.
        for (var k = first; k < Math.Min(end, first + 4); k++)
        {
            if (context.TokenText(k) is ":")
            {
                first = k + 1;
                break;
            }
        }

        var start = SkipAdverbs(context, first, end);
        var noun = start;
        while (noun < end && Lexicon.PreNominal.MatchAt(context, noun, end) is var pre and > 0 && Lexicon.Match(context, noun, end, LexiconKind.Label) is null)
        {
            noun += pre;
        }

        List<LexiconHit>? words = Traits(context, noun, end, AnyEntry, allowAdverbs: false);
        if (words is null && Lexicon.Match(context, noun, end, LexiconKind.Label) is { } label)
        {
            words = [label];
        }

        // "Parisien frustré.", "Breton têtu.": a capitalised word that the French lexicon reads both as a noun and
        // as an adjective (a demonym, a word for a kind of person) and no verb, then judgements to the end of the
        // line. A plain noun ("Valeur nulle.", "Accès refusé.") is no person and stays clean.
        if (words is null && noun == start && noun + 1 < end && IsPersonLikeHead(context, noun)
            && Traits(context, noun + 1, end, JudgementOrInsult, allowAdverbs: false) is { Count: > 0 } judged && judged[^1].End == end)
        {
            words = judged;
        }

        // "Idiot fini.", "Vieil hystérique violent.": adjectives that reinforce the label, or a trait after it.
        var last = words is { Count: > 0 } ? words[^1].End : end;
        while (last < end && (Lexicon.PostNominal.MatchAt(context, last, end) is var post and > 0 ? post : Lexicon.Match(context, last, end, LexiconKind.Trait) is { } trait ? trait.End - last : 0) is var step and > 0)
        {
            last += step;
        }

        if (words is not { Count: > 0 } || last != end || words[0].Entry.Need == LexiconNeed.Speculation)
        {
            return null;
        }

        return new DignityMatch
        {
            Place = RewritePlace.Noun,
            Span = new TokenRange(start, end),
            Words = words,
            Negated = HasNegation(context, first, start),
            WithoutRewrite = true,
        };
    }
}
