using Cnaemo.NoteLsp.Rules.Morphology;
using Cnaemo.NoteLsp.Rules.Rephrasing;
using Xunit;

namespace Cnaemo.NoteLsp.Rules.Tests.Morphology;

/// <summary>What the morphological layer says about the words the dignity rules and their rewrites deal with.</summary>
public sealed class FrenchLexiconTests
{
    private static FrenchLexicon Lexicon => FrenchLexicon.Shared;

    [Fact]
    public void Menteuse_is_the_feminine_singular_of_the_noun_and_adjective_menteur()
    {
        var reading = Assert.Single(Lexicon.Analyse("menteuse"));
        Assert.Equal("menteur", reading.Lemma);
        Assert.Equal(PartOfSpeech.Noun | PartOfSpeech.Adjective, reading.PartOfSpeech);
        Assert.Equal(LexicalGender.Feminine, reading.Gender);
        Assert.Equal(LexicalNumber.Singular, reading.Number);
        Assert.Equal(MatchKind.Exact, reading.Match);
    }

    [Fact]
    public void Frappe_is_a_noun_and_the_present_of_frapper_in_the_first_and_third_person_singular()
    {
        var readings = Lexicon.Analyse("frappe");
        Assert.Contains(readings, r => r.Lemma == "frappe" && r.Is(PartOfSpeech.Noun) && r.Gender == LexicalGender.Feminine);
        var present = Assert.Single(readings, r => r.Lemma == "frapper" && r.Tense.HasFlag(VerbTense.Present));
        Assert.True(present.Is(PartOfSpeech.Verb));
        Assert.Equal(1, present.Tag.VerbGroup);
        Assert.True(present.Tense.HasFlag(VerbTense.SubjunctivePresent));
        Assert.Equal(VerbPerson.FirstSingular | VerbPerson.ThirdSingular, present.Person);
        Assert.Contains(readings, r => r.Lemma == "frapper" && r.Tense == VerbTense.Imperative && r.Person == VerbPerson.SecondSingular);
    }

    [Theory]
    [InlineData("agressives", "agressif", LexicalGender.Feminine, LexicalNumber.Plural)]
    [InlineData("démente", "dément", LexicalGender.Feminine, LexicalNumber.Singular)]
    [InlineData("difficile", "difficile", LexicalGender.Epicene, LexicalNumber.Singular)]
    [InlineData("gros", "gros", LexicalGender.Masculine, LexicalNumber.Invariable)]
    [InlineData("chevaux", "cheval", LexicalGender.Masculine, LexicalNumber.Plural)]
    public void Nouns_and_adjectives_carry_their_lemma_gender_and_number(string form, string lemma, LexicalGender gender, LexicalNumber number)
    {
        Assert.Contains(Lexicon.Analyse(form), r => r.Lemma == lemma && r.Is(PartOfSpeech.Noun | PartOfSpeech.Adjective)
            && r.Gender == gender && r.Number == number);
    }

    [Fact]
    public void Past_participles_carry_tense_gender_and_number()
    {
        Assert.Contains(Lexicon.Analyse("négligée"), r => r.Lemma == "négliger" && r.Tense == VerbTense.PastParticiple
            && r.Gender == LexicalGender.Feminine && r.Number == LexicalNumber.Singular);
    }

    [Theory]
    [InlineData("AGRESSIVE", "agressive", MatchKind.Case)]
    [InlineData("Agressive", "agressive", MatchKind.Case)]
    [InlineData("DEMENTE", "démente", MatchKind.Accents)]
    [InlineData("negligee", "négligée", MatchKind.Accents)]
    [InlineData("NEGLIGEE", "négligée", MatchKind.Accents)]
    [InlineData("coeur", "cœur", MatchKind.Accents)]
    [InlineData("aujourd'hui", "aujourd’hui", MatchKind.Exact)]
    [InlineData("AUJOURD'HUI", "aujourd’hui", MatchKind.Case)]
    [InlineData("agresssive", "agressive", MatchKind.Typo)]
    [InlineData("agresive", "agressive", MatchKind.Typo)]
    [InlineData("agressvie", "agressive", MatchKind.Typo)]
    [InlineData("DEMNETE", "démente", MatchKind.Typo)]
    public void Capitals_missing_accents_apostrophes_ligatures_and_slips_find_the_form(string written, string form, MatchKind match)
    {
        var readings = Lexicon.Analyse(written);
        Assert.NotEmpty(readings);
        Assert.Contains(readings, r => r.Form == form && r.Match == match);
    }

    [Fact]
    public void A_letter_written_with_an_accent_is_never_changed()
    {
        Assert.All(Lexicon.Analyse("même"), r => Assert.Equal("même", r.Form));
        Assert.DoesNotContain(Lexicon.Analyse("meme"), r => r.Form == "meme");
    }

    [Fact]
    public void A_word_found_as_written_is_not_also_read_with_other_accents()
    {
        Assert.All(Lexicon.Analyse("marche"), r => Assert.Equal("marche", r.Form));
    }

    [Fact]
    public void Text_in_capitals_can_be_read_with_every_accent_it_may_have_lost()
    {
        var readings = Lexicon.Analyse("AFFILIE", Tolerance.EveryAccentReading);
        Assert.Contains(readings, r => r.Form == "affilie" && r.Match == MatchKind.Case);
        Assert.Contains(readings, r => r.Form == "affilié" && r.Match == MatchKind.Accents);
        Assert.Contains(Lexicon.Analyse("TOLEDE"), r => r.Form == "Tolède");
    }

    [Theory]
    [InlineData("xqzwv")]
    [InlineData("")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")]
    public void Unknown_words_have_no_reading(string word)
    {
        Assert.Empty(Lexicon.Analyse(word));
        Assert.False(Lexicon.IsKnown(word));
    }

    [Theory]
    [InlineData("hache", InitialH.Aspirated)]
    [InlineData("haricot", InitialH.Aspirated)]
    [InlineData("haine", InitialH.Aspirated)]
    [InlineData("héros", InitialH.Aspirated)]
    [InlineData("homme", InitialH.Mute)]
    [InlineData("habitude", InitialH.Mute)]
    [InlineData("HAINE", InitialH.Aspirated)]
    [InlineData("agressif", InitialH.Unknown)]
    public void The_lexicon_tags_h_aspire_and_h_muet(string word, InitialH expected)
    {
        Assert.Equal(expected, Lexicon.InitialHOf(word));
    }

    [Theory]
    [InlineData("homme", true)]
    [InlineData("agressivité", true)]
    [InlineData("haine", false)]
    [InlineData("hurlement", false)]
    [InlineData("yaourt", false)]
    [InlineData("violence", false)]
    public void Elision_before_a_word_follows_its_first_sound(string word, bool elides)
    {
        Assert.Equal(elides, Lexicon.Elides(word));
    }

    [Theory]
    [InlineData("agressif", "agressif", "agressive", "agressifs", "agressives")]
    [InlineData("menteur", "menteur", "menteuse", "menteurs", "menteuses")]
    [InlineData("dément", "dément", "démente", "déments", "démentes")]
    [InlineData("difficile", "difficile", "difficile", "difficiles", "difficiles")]
    [InlineData("violent", "violent", "violente", "violents", "violentes")]
    [InlineData("infernal", "infernal", "infernale", "infernaux", "infernales")]
    [InlineData("oppositionnel", "oppositionnel", "oppositionnelle", "oppositionnels", "oppositionnelles")]
    [InlineData("provocateur", "provocateur", "provocatrice", "provocateurs", "provocatrices")]
    [InlineData("gros", "gros", "grosse", "gros", "grosses")]
    [InlineData("vieux", "vieux", "vieille", "vieux", "vieilles")]
    public void Inflect_gives_the_four_forms_of_an_adjective(string lemma, string ms, string fs, string mp, string fp)
    {
        string First(int index) => Lexicon.Inflect(lemma, Agreement.FromIndex(index))[0];
        Assert.Equal([ms, fs, mp, fp], Enumerable.Range(0, 4).Select(First).ToArray());
    }

    [Fact]
    public void Inflect_gives_nothing_for_a_gender_the_noun_does_not_have()
    {
        Assert.Empty(Lexicon.Inflect("peste", LexicalGender.Masculine, LexicalNumber.Singular, PartOfSpeech.Noun));
        Assert.Equal(["pestes"], Lexicon.Inflect("peste", LexicalGender.Feminine, LexicalNumber.Plural, PartOfSpeech.Noun));
    }

    [Theory]
    [InlineData("agressive", 3, "agressives")]
    [InlineData("AGRESSIVE", 0, "agressif")]
    [InlineData("DEMENTE", 2, "déments")]
    public void Reinflect_moves_a_written_form_to_another_agreement(string written, int agreement, string expected)
    {
        Assert.Equal(expected, Lexicon.Reinflect(written, Agreement.FromIndex(agreement)));
    }

    [Fact]
    public void The_agreements_of_a_form_include_both_genders_for_an_epicene_word()
    {
        Assert.Equal([Agreement.FromIndex(1)], Lexicon.AgreementsOf("agressive"));
        Assert.Equal([Agreement.FromIndex(0), Agreement.FromIndex(1)], Lexicon.AgreementsOf("difficile"));
    }

    [Fact]
    public void Classify_sums_the_readings_without_lemmas()
    {
        var agressive = Lexicon.Classify("AGRESSIVE");
        Assert.True(agressive.IsKnown);
        Assert.True(agressive.Is(PartOfSpeech.Adjective));
        Assert.True(agressive.Allows(Agreement.FromIndex(1)));
        Assert.False(agressive.Allows(Agreement.FromIndex(0)));
        Assert.False(Lexicon.Classify("DEMENTE").IsKnown);
        var demente = Lexicon.Classify("DEMENTE", Tolerance.Accents);
        Assert.True(demente.Is(PartOfSpeech.Noun | PartOfSpeech.Adjective) && demente.Is(PartOfSpeech.Verb));
        Assert.Equal(MatchKind.Accents, demente.Match);
        Assert.True(Lexicon.Classify("difficile").Allows(Agreement.FromIndex(0)) && Lexicon.Classify("difficile").Allows(Agreement.FromIndex(1)));
        Assert.False(Lexicon.Classify("xqzwv", Tolerance.Accents).IsKnown);
    }

    [Fact]
    public void Known_words_are_known_as_written_and_in_capitals()
    {
        Assert.True(Lexicon.IsKnown("agressive"));
        Assert.True(Lexicon.IsKnown("AGRESSIVE"));
        Assert.True(Lexicon.IsKnown("Paris"));
        Assert.True(Lexicon.IsKnown("PARIS"));
        Assert.False(Lexicon.IsKnown("DEMENTE"));
    }
}
