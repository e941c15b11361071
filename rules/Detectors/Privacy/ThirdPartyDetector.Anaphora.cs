using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Morphology;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Privacy;

/// <summary>
/// The third party named in one sentence and taken up by a pronoun in the next: "Avec mon mari on s'est séparé.
/// Il buvait." The fact's sentence opens with "il", "elle", "ils" or "elles"; the pronoun points back to the one
/// third party of the sentences before that agrees with it in gender and number.
/// </summary>
/// <remarks>
/// A pronoun may just as well stand for the person the record is about, so the detector reports only when nothing
/// else could be meant: no title, person noun or name of the same gender in the sentence before, and that
/// sentence not itself about someone designated by the same pronoun ("Elle vit avec son frère. Elle boit."). A
/// sentence that opens with the same pronoun and names nobody carries the reference on, to one sentence further
/// back ("Avec mon mari on s'est séparé. Il était violent. Il buvait.").
/// </remarks>
public sealed partial class ThirdPartyDetector
{
    // How far the fact may stand from its subject pronoun, and how many sentences carry a pronoun's reference on.
    private const int PronounReach = 8;
    private const int SentencesBack = 2;

    // Words after which a relative noun, a name or a pronoun does not compete as the antecedent: the speaker and the
    // one spoken to are not third persons.
    private static readonly HashSet<string> NotThirdPersons = new(StringComparer.Ordinal) { "je", "j'", "tu", "on", "nous", "vous" };

    private void ReportThroughPronoun(AnalysisContext context, List<TokenRange> persons, TokenRange fact, HashSet<int> reported, FindingSink sink)
    {
        var sentenceIndex = context.SentenceIndexOf(fact.First);
        var sentence = context.Sentences[sentenceIndex];
        var pronoun = sentence.FirstToken;
        var agreement = PronounAgreement(context.TokenText(pronoun));
        if (agreement < 0 || fact.First <= pronoun || fact.First - pronoun > PronounReach
            || NamesSomeoneBetween(context, pronoun + 1, fact.First) || !reported.Add(-1 - pronoun))
        {
            return;
        }

        for (var back = 1; back <= SentencesBack && sentenceIndex - back >= 0; back++)
        {
            var previous = context.Sentences[sentenceIndex - back];
            var antecedent = Antecedent(context, persons, previous, agreement, out var blocked);
            if (antecedent >= 0)
            {
                var span = context.OriginalSpan(pronoun, pronoun + 1);
                var who = context.OriginalText(persons[antecedent].First, persons[antecedent].End);
                var said = context.Text.Substring(span.Start, span.Length);
                sink.Report(_definition.Descriptor, span, [], message: $"Information privée sur un tiers (« {said} » reprend « {who} ») : cette personne n'est pas celle que l'écrit concerne.");
                return;
            }

            // Only a sentence that opens with the same pronoun and names nobody passes the reference on.
            if (blocked || PronounAgreement(context.TokenText(previous.FirstToken)) != agreement)
            {
                return;
            }
        }
    }

    // The single third party of the sentence whose gender and number agree with the pronoun; -1 when there is
    // none, or when another person of that agreement (a title, a person noun, a name, the same pronoun opening the
    // sentence) could be meant, which also sets blocked.
    private static int Antecedent(AnalysisContext context, List<TokenRange> persons, Sentence sentence, int agreement, out bool blocked)
    {
        blocked = false;
        var found = -1;
        for (var i = 0; i < persons.Count; i++)
        {
            var person = persons[i];
            if (person.First >= sentence.FirstToken && person.End <= sentence.EndToken && Agrees(context, HeadOf(context, person), agreement))
            {
                if (found >= 0)
                {
                    blocked = true;
                    return -1;
                }

                found = i;
            }
        }

        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (found >= 0 && t >= persons[found].First && t < persons[found].End)
            {
                continue;
            }

            // A sentence opened by the same pronoun speaks of someone already designated: with a third party named
            // in it ("Il vit avec son frère."), the pronoun of the next sentence is that someone again.
            if (t == sentence.FirstToken && PronounAgreement(context.TokenText(t)) == agreement)
            {
                if (found >= 0)
                {
                    blocked = true;
                    return -1;
                }

                continue;
            }

            if (IsOtherPerson(context, t, sentence.FirstToken) && Agrees(context, t, agreement))
            {
                blocked = true;
                return -1;
            }
        }

        return found;
    }

    // A person noun, a title or a name: the words of PersonWords, and a capitalised word the lexicon knows as a first
    // name, a surname or a proper noun, or does not know at all (initials, rare names).
    private static bool IsOtherPerson(AnalysisContext context, int token, int sentenceStart)
    {
        var word = context.TokenText(token);
        if (NotThirdPersons.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return false;
        }

        if (PersonWords.AnyIn(context, token, token + 1))
        {
            return true;
        }

        var original = OriginalWord(context, token);
        if (original.Length == 0 || !char.IsUpper(original[0]))
        {
            return false;
        }

        var reading = FrenchLexicon.Shared.Classify(original, Tolerance.Accents);
        const PartOfSpeech names = PartOfSpeech.FirstName | PartOfSpeech.Surname | PartOfSpeech.ProperNoun | PartOfSpeech.Title;
        return reading.Is(names) || (token != sentenceStart && !reading.IsKnown);
    }

    private static bool NamesSomeoneBetween(AnalysisContext context, int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            if (context.TokenIs(t, "que") || context.TokenIs(t, "qu'") || IsOtherPerson(context, t, -1))
            {
                return true;
            }
        }

        return false;
    }

    // The noun that carries the person's gender: the last word, or the one before "de" ("mère de Madame").
    private static int HeadOf(AnalysisContext context, TokenRange person)
    {
        for (var t = person.First + 1; t < person.End; t++)
        {
            if (context.TokenIs(t, "de") || context.TokenIs(t, "d'"))
            {
                return t - 1;
            }
        }

        return person.End - 1;
    }

    // Whether the word allows the agreement; a word the lexicon gives no gender (a name it does not know, "ex")
    // allows every one.
    private static bool Agrees(AnalysisContext context, int token, int agreement)
    {
        var word = OriginalWord(context, token);
        var reading = FrenchLexicon.Shared.Classify(word.ToLowerInvariant(), Tolerance.Accents);
        if (reading.AgreementMask == 0)
        {
            reading = FrenchLexicon.Shared.Classify(word, Tolerance.Accents);
        }

        return reading.AgreementMask == 0 || (reading.AgreementMask & (1 << agreement)) != 0;
    }

    private static string OriginalWord(AnalysisContext context, int token) => context.OriginalText(token, token + 1);

    // The index of the agreement a subject pronoun carries (masculine singular 0, feminine singular 1, masculine
    // plural 2, feminine plural 3, as Agreement.Index), or -1 for any other word.
    private static int PronounAgreement(ReadOnlySpan<char> word) => word switch
    {
        "il" => 0,
        "elle" => 1,
        "ils" => 2,
        "elles" => 3,
        _ => -1,
    };
}
