using Cnaemo.NoteLsp.Rules.Rephrasing;

namespace Cnaemo.NoteLsp.Rules.Morphology;

/// <summary>
/// What a word can be, summed over all its readings, without lemmas: the parts of speech, and the agreements (ms,
/// fs, mp, fp) its noun and adjective readings allow. <see cref="FrenchLexicon.Classify"/> computes it without
/// allocating, for rules that test many tokens ("is this word an adjective that can be feminine?").
/// </summary>
public readonly record struct WordClass(PartOfSpeech PartsOfSpeech, int AgreementMask, MatchKind Match, bool IsKnown)
{
    /// <summary>Nothing known about the word.</summary>
    public static WordClass Unknown { get; } = new(PartOfSpeech.None, 0, MatchKind.Exact, false);

    /// <summary>Whether one reading is of one of the parts of speech in <paramref name="any"/>.</summary>
    public bool Is(PartOfSpeech any) => (PartsOfSpeech & any) != 0;

    /// <summary>Whether a noun or adjective reading allows <paramref name="agreement"/>.</summary>
    public bool Allows(Agreement agreement) => (AgreementMask & (1 << agreement.Index)) != 0;

    /// <summary>This class with one more reading; the match kind is the loosest seen.</summary>
    internal WordClass With(MorphTag tag, MatchKind match)
    {
        var mask = AgreementMask;
        if ((tag.PartOfSpeech & (PartOfSpeech.Noun | PartOfSpeech.Adjective)) != 0)
        {
            for (var index = 0; index < 4; index++)
            {
                var gender = index % 2 == 1 ? LexicalGender.Feminine : LexicalGender.Masculine;
                var number = index >= 2 ? LexicalNumber.Plural : LexicalNumber.Singular;
                if (tag.Allows(gender) && tag.Allows(number))
                {
                    mask |= 1 << index;
                }
            }
        }

        return new WordClass(PartsOfSpeech | tag.PartOfSpeech, mask, IsKnown && Match > match ? Match : match, true);
    }
}
