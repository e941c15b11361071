using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Rephrasing;
using Xunit;

namespace Cnaemo.NoteLsp.Rules.Tests.Morphology;

/// <summary>A dignity lexicon word written as one lemma gets its four forms from the French lexicon.</summary>
public sealed class DignityLemmaTests
{
    private const string Templates = """
        templates:
          faits:
            title: Décrire les faits
            clause: "{sujet} a [décrire les faits observés]"
            noun: la personne
        """;

    private static DignityLexicon Parse(string words) => DignityLexicon.Parse(Templates, words, "intensifiers: []\n");

    [Fact]
    public void A_trait_written_as_a_lemma_has_the_four_forms_of_the_adjective()
    {
        var lexicon = Parse("""
            groups:
              - kind: trait
                category: essentialising
                rewrites: [faits]
                words:
                  - lemma: agressif
                  - lemma: infernal
                  - lemma: difficile
            """);
        Assert.Equal(["agressif", "agressive", "agressifs", "agressives"], lexicon.Entries[0].Forms.Forms);
        Assert.Equal(["infernal", "infernale", "infernaux", "infernales"], lexicon.Entries[1].Forms.Forms);
        Assert.Equal(["difficile", "difficile", "difficiles", "difficiles"], lexicon.Entries[2].Forms.Forms);
        Assert.Equal("lemma: agressif", lexicon.Entries[0].Notation);
    }

    [Fact]
    public void A_label_of_one_gender_takes_that_gender_for_both()
    {
        var lexicon = Parse("""
            groups:
              - kind: label
                category: insult
                rewrites: [faits]
                words:
                  - lemma: mégère
                  - lemma: voleur
            """);
        Assert.Equal(["mégère", "mégère", "mégères", "mégères"], lexicon.Entries[0].Forms.Forms);
        Assert.Equal(["voleur", "voleuse", "voleurs", "voleuses"], lexicon.Entries[1].Forms.Forms);
    }

    [Fact]
    public void The_built_in_lemma_entries_give_the_forms_their_braces_gave()
    {
        var forms = DignityLexicon.BuiltIn.Entries.Where(e => e.Notation.StartsWith("lemma: ", StringComparison.Ordinal))
            .ToDictionary(e => e.Notation, e => e.Forms.Forms);
        Assert.Equal(InflectedForms.Parse("agressi{f,ve,fs,ves}").Forms, forms["lemma: agressif"]);
        Assert.Equal(InflectedForms.Parse("voleu{r,se,rs,ses}").Forms, forms["lemma: voleur"]);
        Assert.Equal(InflectedForms.Parse("mégère{,,s,s}").Forms, forms["lemma: mégère"]);
    }

    [Theory]
    [InlineData("trait", "lemma: xqzwv", "is not an adjective")]
    [InlineData("phrase", "lemma: agressif", "a phrase is written with")]
    [InlineData("trait", "{lemma: agressif, word: agressif}", "not both")]
    public void A_lemma_the_lexicon_cannot_inflect_is_a_clear_error(string kind, string word, string message)
    {
        var error = Assert.Throws<RulePackException>(() => Parse($"""
            groups:
              - kind: {kind}
                category: essentialising
                rewrites: [faits]
                words:
                  - {word}
            """));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
