using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;

namespace Cnaemo.NoteLsp.Rules.Tests.Privacy;

/// <summary>
/// The term options of the packs: folding makes "FO" equal to the "fo" of XSL-FO and "mémé" equal to "même", so a term
/// may ask for its capitals (<c>case: exact</c>) or its accents (<c>accents: exact</c>), and a word with a harmless
/// sense may ask for its own context (<c>requires</c>: words nearby, or a person named in the sentence).
/// </summary>
public sealed class TermOptionTests
{
    private const string Pack = """
        pack: essai
        rules:
          - id: privacy.essai.options
            category: union
            severity: warning
            message: "Essai."
            explanation: "Une règle d'essai pour les options des termes : casse, accents et contexte propre au terme, exigés quand la mission l'exige."
            references: [{label: "RGPD", url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"}]
            terms:
              - {term: "FO", case: exact}
              - {term: "rom{,s}", case: exact}
              - {term: "mémé", accents: exact}
              - {term: "liaison{,s}", requires: {near: [amoureuse], person: true, window: 3}}
              - syndicat
              - cgt
            examples:
              flag: ["Il est adhérent à FO."]
              clean: ["Le format XSL-FO."]
        """;

    private static readonly RuleEngine Engine = new(RuleCatalog.FromPacks([RulePackLoader.Load("essai.yaml", Pack)]));

    [Theory]
    [InlineData("Il est adhérent à FO.", "FO")]
    [InlineData("Il milite à la CGT-FO depuis 2010.", "FO")] // joined to another term of the rule, not to a technical name
    [InlineData("Une famille rom vit sur le terrain.", "rom")]
    [InlineData("Roms et voyageurs ont été reçus.", "Roms")]
    [InlineData("Sa mémé vient le chercher.", "mémé")]
    [InlineData("La mère a une liaison avec un voisin.", "liaison")]
    [InlineData("Il entretient une liaison amoureuse.", "liaison")]
    public void A_term_with_options_is_found_where_the_text_has_its_form_and_context(string text, string expected) =>
        Assert.Contains(FindingGrouping.Ungroup(Engine.Lint(text)), f => f.RuleId == "privacy.essai.options" && text.Substring(f.Span.Start, f.Span.Length) == expected);

    [Theory]
    [InlineData("Le format XSL-FO produit du PDF.")]
    [InlineData("Insérez le fo dans le texte.")]
    [InlineData("Le programme est livré sur CD-ROM.")]
    [InlineData("La ROM du téléphone est pleine.")]
    [InlineData("Il fait même la vaisselle.")]
    [InlineData("La liaison série entre les deux machines est coupée.")]
    public void A_term_with_options_is_not_found_where_only_its_folded_form_is(string text) =>
        Assert.DoesNotContain(Engine.Lint(text), f => f.RuleId == "privacy.essai.options");

    [Fact]
    public void A_term_without_options_still_matches_folded()
    {
        Assert.Contains(Engine.Lint("Le SYNDICAT a écrit."), f => f.RuleId == "privacy.essai.options");
    }

    [Theory]
    [InlineData("FO", "FO", true)]
    [InlineData("FO", "fo", false)]
    [InlineData("FO", "Fo", false)]
    [InlineData("rom", "Rom", true)]
    [InlineData("rom", "ROM", false)]
    [InlineData("MoDem", "MoDem", true)]
    [InlineData("MoDem", "modem", false)]
    [InlineData("MoDem", "Modem", false)]
    [InlineData("au RN", "Au RN", true)]
    [InlineData("au RN", "au rn", false)]
    public void Exact_case_compares_every_capital_but_a_word_opening_one(string written, string text, bool expected) =>
        Assert.Equal(expected, ExactForm.Matches(written, text, exactCase: true, exactAccents: false));

    [Theory]
    [InlineData("mémé", "mémé", true)]
    [InlineData("mémé", "MÉMÉ", true)]
    [InlineData("mémé", "même", false)]
    [InlineData("aïd", "Aïd", true)]
    [InlineData("aïd", "aid", false)]
    public void Exact_accents_compare_the_accents_and_not_the_capitals(string written, string text, bool expected) =>
        Assert.Equal(expected, ExactForm.Matches(written, text, exactCase: false, exactAccents: true));

    [Fact]
    public void An_unknown_option_value_stops_the_load_with_its_line()
    {
        var bad = Pack.Replace("case: exact}", "case: strict}", StringComparison.Ordinal);
        var error = Assert.Throws<RulePackException>(() => RulePackLoader.Load("essai.yaml", bad));
        Assert.Contains("exact or folded", error.Message, StringComparison.Ordinal);
    }
}
