namespace Cnaemo.NoteLsp.Rules.Morphology;

/// <summary>How far the look-up had to go from the written word to the form it found.</summary>
public enum MatchKind
{
    /// <summary>The word is a form of the lexicon as written (an ASCII apostrophe counts as ’).</summary>
    Exact,

    /// <summary>Found after changing capitals ("AGRESSIVE", "Agressive" → agressive).</summary>
    Case,

    /// <summary>Found after restoring accents or a ligature ("DEMENTE" → démente, "coeur" → cœur).</summary>
    Accents,

    /// <summary>Found after undoing one typing slip (a doubled or missing letter, two letters swapped, one letter too many); used only when one form fits.</summary>
    Typo,
}

/// <summary>
/// One reading of a word: the form as the lexicon spells it, its lemma and its tag. A word has as many readings as
/// the lexicon gives it ("frappe": the noun, the imperative, the present of frapper).
/// </summary>
public readonly record struct WordAnalysis(string Form, string Lemma, MorphTag Tag, MatchKind Match)
{
    /// <summary>The part of speech (several for an entry such as ":N:A").</summary>
    public PartOfSpeech PartOfSpeech => Tag.PartOfSpeech;

    /// <summary>The gender of the form, for nouns, adjectives, determiners and pronouns.</summary>
    public LexicalGender Gender => Tag.Gender;

    /// <summary>The number of the form.</summary>
    public LexicalNumber Number => Tag.Number;

    /// <summary>The verb's moods and tenses, <see cref="VerbTense.None"/> for other words.</summary>
    public VerbTense Tense => Tag.Tense;

    /// <summary>The verb's persons, <see cref="VerbPerson.None"/> for other words and for infinitives and participles.</summary>
    public VerbPerson Person => Tag.Person;

    /// <summary>Whether the reading is of one of the parts of speech in <paramref name="any"/>.</summary>
    public bool Is(PartOfSpeech any) => (Tag.PartOfSpeech & any) != 0;

    /// <summary>Grammalecte's notation of this reading, ">lemma/tag", as ibdawg.getMorph prints it.</summary>
    public override string ToString() => ">" + Lemma + "/" + Tag.Raw;
}
