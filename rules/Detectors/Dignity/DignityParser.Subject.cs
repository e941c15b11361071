using Cnaemo.NoteLsp.Rules.Text;
using static Cnaemo.NoteLsp.Rules.Detectors.Dignity.ParserWords;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// The subject of a copula and what it designates: the clause's tokens before the copula, classified as a person
/// (a title, a person noun, a name), a demonstrative ("c'est"), a thing or nothing (a hypothesis), and the checks that
/// keep an adjective from being read as a person's trait: an impersonal "il", a difficulty of doing ("difficile à
/// joindre"), a measure or an emotion ("distante de 30 km", "fou de joie"), a negation.
/// </summary>
public sealed partial class DignityParser
{
    /// <summary>The subject before a copula: the tokens back to the start of the clause.</summary>
    private static TokenRange FindSubject(AnalysisContext context, Sentence sentence, int copula, out bool relative)
    {
        relative = false;
        var end = copula;
        while (end > sentence.FirstToken && ObjectCliticLookup.Contains(context.TokenText(end - 1)))
        {
            end--;
        }

        var first = end;
        while (first > sentence.FirstToken)
        {
            var previous = context.TokenText(first - 1);
            if (context.TokenAt(first - 1).Kind == TokenKind.Punctuation && previous is not "." and not "-")
            {
                break;
            }

            if (ClauseBoundaryLookup.Contains(previous))
            {
                relative = previous is "qui";
                break;
            }

            first--;
        }

        return end - first is > 0 and <= 7 ? new TokenRange(first, end) : TokenRange.None;
    }

    private enum SubjectKind
    {
        None,
        Person,
        Demonstrative,
        Thing,
    }

    private SubjectKind Classify(AnalysisContext context, TokenRange subject)
    {
        if (!subject.IsSome)
        {
            return SubjectKind.None;
        }

        // "s'il devient nul", "s'il est violent, appeler…": a hypothesis, not a statement about someone.
        if (subject.End - subject.First == 2 && context.TokenIs(subject.First, "s'") && context.TokenText(subject.First + 1) is "il" or "ils")
        {
            return SubjectKind.Demonstrative;
        }

        // "c'est", "cela peut être": a situation.
        if (subject.End - subject.First == 1 && DemonstrativeLookup.Contains(context.TokenText(subject.First))
            || subject.End - subject.First == 2 && context.TokenText(subject.First) is "cela" or "ca" or "ceci")
        {
            return SubjectKind.Demonstrative;
        }

        // After a determiner, the head noun decides: "le conflit entre les parents" is a thing, "le père de Léa" a person.
        if (DeterminerAt(context, subject.First, subject.End) is var determiner and > 0)
        {
            var head = subject.First + determiner;
            while (head < subject.End && Lexicon.PreNominal.MatchAt(context, head, subject.End) is var pre and > 0 && Lexicon.Persons.MatchAt(context, head, subject.End) == 0)
            {
                head += pre;
            }

            return Lexicon.Persons.MatchAt(context, head, subject.End) > 0 ? SubjectKind.Person : SubjectKind.Thing;
        }

        for (var i = subject.First; i < subject.End; i++)
        {
            var token = context.TokenText(i);
            if (PersonalPronounLookup.Contains(token) || Lexicon.Persons.MatchAt(context, i, subject.End) > 0)
            {
                return SubjectKind.Person;
            }

            // A capitalised word that is not a determiner is a name: "Théo", "Mme P.".
            var original = context.OriginalSpan(i, i + 1);
            if (context.TokenAt(i).Kind == TokenKind.Word && char.IsUpper(context.Text[original.Start]) && !DeterminerLookup.Contains(token))
            {
                return SubjectKind.Person;
            }
        }

        return SubjectKind.Thing;
    }

    // "il est difficile de…", "il peut s'avérer difficile de…": "il" stands for nothing.
    private static bool IsImpersonal(AnalysisContext context, TokenRange subject, int afterTrait) =>
        subject.IsSome && subject.End - subject.First <= 3 && (context.TokenIs(subject.First, "il") || context.TokenIs(subject.First, "s'") && subject.First + 1 < subject.End && context.TokenIs(subject.First + 1, "il"))
        && afterTrait < context.TokenCount && context.TokenText(afterTrait) is "de" or "d'" or "que" or "qu'";

    // "difficile à joindre", "pénible à écouter": the adjective qualifies an action of others, not the person.
    // "distante de 30 km" measures a distance; "fou de joie", "folle de lui" say an emotion: neither is a trait.
    private static bool IsDifficultyOfDoing(AnalysisContext context, int afterTrait, int end)
    {
        if (afterTrait + 1 < end && context.TokenText(afterTrait) is "de" or "d'"
            && (context.TokenAt(afterTrait + 1).Kind == TokenKind.Number || context.TokenText(afterTrait - 1) is "fou" or "folle" or "fous" or "folles"))
        {
            return true;
        }

        if (afterTrait + 1 >= end || !context.TokenIs(afterTrait, "a"))
        {
            return false;
        }

        var next = context.TokenText(afterTrait + 1);
        return next.EndsWith("er") || next.EndsWith("ir") || next.EndsWith("re") || next.EndsWith("oir");
    }

    private static bool HasNegation(AnalysisContext context, int from, int to)
    {
        for (var i = Math.Max(0, from); i < to; i++)
        {
            if (NegationLookup.Contains(context.TokenText(i)))
            {
                return true;
            }
        }

        return false;
    }
}
