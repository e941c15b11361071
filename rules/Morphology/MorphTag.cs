namespace Cnaemo.NoteLsp.Rules.Morphology;

/// <summary>Parts of speech of a lexicon entry. One entry may hold several ("menteur" is a noun and an adjective).</summary>
[Flags]
public enum PartOfSpeech
{
    None = 0,
    Noun = 1 << 0,
    Adjective = 1 << 1,
    Verb = 1 << 2,
    Adverb = 1 << 3,
    Determiner = 1 << 4,
    Pronoun = 1 << 5,
    Preposition = 1 << 6,
    Conjunction = 1 << 7,
    Interjection = 1 << 8,
    FirstName = 1 << 9,
    Surname = 1 << 10,
    ProperNoun = 1 << 11,
    Title = 1 << 12,
    Numeral = 1 << 13,
    Negation = 1 << 14,

    /// <summary>A fixed phrase ("locution").</summary>
    Locution = 1 << 15,

    /// <summary>Grammalecte's "mot grammatical": articles, pronouns, prepositions and other closed-class words.</summary>
    GrammaticalWord = 1 << 16,
    Affix = 1 << 17,
}

/// <summary>The gender the lexicon gives a form; epicene forms serve both genders ("difficile").</summary>
public enum LexicalGender
{
    Unspecified,
    Masculine,
    Feminine,
    Epicene,
}

/// <summary>The number the lexicon gives a form; invariable forms serve both numbers ("gris", "héros").</summary>
public enum LexicalNumber
{
    Unspecified,
    Singular,
    Plural,
    Invariable,
}

/// <summary>The moods and tenses of a verb form. One form may hold several ("frappe": present indicative and subjunctive).</summary>
[Flags]
public enum VerbTense
{
    None = 0,
    Infinitive = 1 << 0,
    PresentParticiple = 1 << 1,
    PastParticiple = 1 << 2,
    Present = 1 << 3,
    Imperfect = 1 << 4,
    SimplePast = 1 << 5,
    Future = 1 << 6,
    Conditional = 1 << 7,
    SubjunctivePresent = 1 << 8,
    SubjunctiveImperfect = 1 << 9,
    Imperative = 1 << 10,
}

/// <summary>The grammatical persons of a verb form. One form may hold several ("frappe": 1st and 3rd singular).</summary>
[Flags]
public enum VerbPerson
{
    None = 0,
    FirstSingular = 1 << 0,
    SecondSingular = 1 << 1,
    ThirdSingular = 1 << 2,
    FirstPlural = 1 << 3,
    SecondPlural = 1 << 4,
    ThirdPlural = 1 << 5,
}

/// <summary>How a word beginning with h behaves before an elided article, when the lexicon says.</summary>
public enum InitialH
{
    /// <summary>The lexicon says nothing (most words do not start with h).</summary>
    Unknown,

    /// <summary>h muet: "l'homme", "d'habitude".</summary>
    Mute,

    /// <summary>h aspiré: "le haricot", "la haine", "de hache".</summary>
    Aspirated,
}

/// <summary>
/// One Grammalecte tag, parsed: ":N:A:f:s/*" (noun and adjective, feminine singular), ":V1_itnq__a:Ip:Sp:1s:3s/*"
/// (verb of the first group, present indicative and subjunctive, 1st and 3rd person singular). The raw text is kept
/// for rules that need a detail this record does not name.
/// </summary>
public readonly record struct MorphTag(
    string Raw,
    PartOfSpeech PartOfSpeech,
    LexicalGender Gender,
    LexicalNumber Number,
    VerbTense Tense,
    VerbPerson Person,
    InitialH InitialH)
{
    /// <summary>The verb's group (1, 2 or 3; 0 for être and avoir), or -1 for a word that is not a verb.</summary>
    public int VerbGroup => PartOfSpeech.HasFlag(PartOfSpeech.Verb) && Raw.Length > 2 ? Raw[2] - '0' : -1;

    /// <summary>Parses a tag of Grammalecte's French lexicon. Unknown parts are ignored, never fatal.</summary>
    public static MorphTag Parse(string raw)
    {
        var body = raw;
        var slash = body.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            body = body[..slash];
        }

        // ";é" marks an h aspiré and ";É" an h muet; "#..." carries further notes this layer does not use.
        var initialH = InitialH.Unknown;
        var hash = body.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            body = body[..hash];
        }

        var semicolon = body.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            var mark = body[(semicolon + 1)..];
            initialH = mark == "é" ? InitialH.Aspirated : mark == "É" ? InitialH.Mute : InitialH.Unknown;
            body = body[..semicolon];
        }

        var pos = PartOfSpeech.None;
        var gender = LexicalGender.Unspecified;
        var number = LexicalNumber.Unspecified;
        var tense = VerbTense.None;
        var person = VerbPerson.None;
        foreach (var part in body.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] == 'V' && part.Length > 1 && char.IsAsciiDigit(part[1]))
            {
                pos |= PartOfSpeech.Verb;
                continue;
            }

            if (part[0] == 'L')
            {
                pos |= PartOfSpeech.Locution;
                continue;
            }

            if (part.Length >= 2 && part[0] is '1' or '2' or '3')
            {
                // "3p!" and "1ŝ"/"1ś" are the same persons with a spelling note (inverted forms such as "aimé-je").
                person |= (part[0], part[1]) switch
                {
                    ('1', 's' or 'ŝ' or 'ś') => VerbPerson.FirstSingular,
                    ('2', 's') => VerbPerson.SecondSingular,
                    ('3', 's') => VerbPerson.ThirdSingular,
                    ('1', 'p') => VerbPerson.FirstPlural,
                    ('2', 'p') => VerbPerson.SecondPlural,
                    ('3', 'p') => VerbPerson.ThirdPlural,
                    _ => VerbPerson.None,
                };
                continue;
            }

            switch (part)
            {
                case "N": pos |= PartOfSpeech.Noun; break;
                case "A": pos |= PartOfSpeech.Adjective; break;
                case "W": pos |= PartOfSpeech.Adverb; break;
                case "J": pos |= PartOfSpeech.Interjection; break;
                case "M1": pos |= PartOfSpeech.FirstName; break;
                case "M2": pos |= PartOfSpeech.Surname; break;
                case "MP": pos |= PartOfSpeech.ProperNoun; break;
                case "T": pos |= PartOfSpeech.Title; break;
                case "B" or "Br": pos |= PartOfSpeech.Numeral; break;
                case "G": pos |= PartOfSpeech.GrammaticalWord; break;
                case "X": pos |= PartOfSpeech.Negation; break;
                case "R" or "Rv": pos |= PartOfSpeech.Preposition; break;
                case "C" or "Cc" or "Cs": pos |= PartOfSpeech.Conjunction; break;
                case "D" or "Dd" or "De" or "Dp" or "Di" or "Dn": pos |= PartOfSpeech.Determiner; break;
                case "Od" or "Oi" or "On" or "Ot" or "Or" or "Ow" or "Os" or "Oo" or "Ov": pos |= PartOfSpeech.Pronoun; break;
                case "Zp" or "Zs": pos |= PartOfSpeech.Affix; break;
                case "m": gender = LexicalGender.Masculine; break;
                case "f": gender = LexicalGender.Feminine; break;
                case "e": gender = LexicalGender.Epicene; break;
                case "s": number = LexicalNumber.Singular; break;
                case "p": number = LexicalNumber.Plural; break;
                case "i": number = LexicalNumber.Invariable; break;
                case "Y": tense |= VerbTense.Infinitive; break;
                case "P": tense |= VerbTense.PresentParticiple; break;
                case "Q": tense |= VerbTense.PastParticiple; break;
                case "Ip": tense |= VerbTense.Present; break;
                case "Iq": tense |= VerbTense.Imperfect; break;
                case "Is": tense |= VerbTense.SimplePast; break;
                case "If": tense |= VerbTense.Future; break;
                case "K": tense |= VerbTense.Conditional; break;
                case "Sp": tense |= VerbTense.SubjunctivePresent; break;
                case "Sq": tense |= VerbTense.SubjunctiveImperfect; break;
                case "E": tense |= VerbTense.Imperative; break;
            }
        }

        return new MorphTag(raw, pos, gender, number, tense, person, initialH);
    }

    /// <summary>Whether this form can stand for <paramref name="gender"/> (an epicene or unspecified form stands for both).</summary>
    public bool Allows(LexicalGender gender) =>
        Gender is LexicalGender.Epicene or LexicalGender.Unspecified || gender is LexicalGender.Epicene or LexicalGender.Unspecified || Gender == gender;

    /// <summary>Whether this form can stand for <paramref name="number"/> (an invariable or unspecified form stands for both).</summary>
    public bool Allows(LexicalNumber number) =>
        Number is LexicalNumber.Invariable or LexicalNumber.Unspecified || number is LexicalNumber.Invariable or LexicalNumber.Unspecified || Number == number;
}
