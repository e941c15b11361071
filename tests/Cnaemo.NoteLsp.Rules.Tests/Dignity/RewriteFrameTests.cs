using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests.Dignity;

/// <summary>
/// The frames in which a rephrasing would be wrong French or would change what the writer said, read as a list of
/// cases. Each case is a kind of sentence, not a sentence the rules were tuned on: the rephrasing is either rebuilt
/// for the frame (the verb agrees, the source goes after the conditional verb, the modality is kept) or left out.
/// </summary>
public sealed class RewriteFrameTests
{
    [Theory]
    // A determiner or a preposition before the match would stand before the placeholder.
    [InlineData("On observe une démission parentale.", "dignity.judgement.parenting")]
    [InlineData("Madame fait preuve de mauvaise volonté.", "dignity.judgement.effort")]
    // Words after the match hang on the replaced words: a complement, a comparison, a second negation, an adjective.
    [InlineData("Le jeune a la flemme de se lever le matin.", "dignity.judgement.effort")]
    [InlineData("Se laisse couler sur sa chaise comme un fromage au soleil.", "dignity.judgement.effort")]
    [InlineData("M. F. n'a pas pris soin de lui, ne s'est pas lavé ni habillé.", "dignity.judgement.hygiene", "ne s'est pas lavé")]
    [InlineData("Odeurs corporelles fortes, à revoir avec elle.", "dignity.judgement.smell")]
    [InlineData("Sent le tabac et la cave.", "dignity.judgement.smell")]
    [InlineData("Elle est vraiment immature pour son âge.", "dignity.judgement.trait")]
    // The match took the subject pronoun in, and a coordinated verb needs it.
    [InlineData("Il s'écoute trop et raconte des conneries.", "dignity.judgement.attitude-expression", "Il s'écoute")]
    // A verb slot ("a […]") where the match opens on no verb.
    [InlineData("Personne sans dents et qui boit.", "dignity.judgement.conduct")]
    // A noun without a determiner beside other words of its noun phrase; a trait after an adverb or in a list.
    [InlineData("Gros crétin.", "dignity.insult.word")]
    [InlineData("Mère salope.", "dignity.insult.word")]
    [InlineData("Vraiment trop conne.", "dignity.insult.word")]
    [InlineData("Résident agité, dément, crie la nuit.", "dignity.lay-diagnosis.label")]
    // A frequency after an adverb of degree; a date after a duration; a date added after a verb.
    [InlineData("Mme X est presque toujours opposante aux soins.", "dignity.generalisation.always-never")]
    [InlineData("Mme R. perd la boule depuis l'été.", "dignity.lay-diagnosis.expression")]
    // The trait is the attribute of a verb of appraisal.
    [InlineData("Nous avons trouvé Mme B. agressive.", "dignity.essentialising.label")]
    // A hypothesis: a question, an adverb of doubt.
    [InlineData("Cette résidente était peut-être opposante pour attirer l'attention ?", "dignity.essentialising.label")]
    [InlineData("Il est probablement violent.", "dignity.essentialising.label")]
    // The agent of a passive hangs on the replaced verb.
    [InlineData("Le studio n'est pas investi par monsieur.", "dignity.judgement.denied-quality")]
    public void No_rephrasing_where_the_frame_would_break(string text, string ruleId, string? words = null)
    {
        var finding = Assert.Single(RewriteCases.Engine.Lint(text, RewriteCases.EveryRule),
            f => f.RuleId == ruleId && (words is null || text[f.Span.Start..].StartsWith(words, StringComparison.Ordinal)));
        Assert.DoesNotContain(finding.Suggestions, s => s.Kind == SuggestionKind.Rephrase);
    }

    [Theory]
    // The verb slot agrees with the verb it replaces.
    [InlineData("Les résidents perdent la boule.", "dignity.lay-diagnosis.expression", "Les résidents ont [décrire le comportement observé] le [date] (avis médical à solliciter).")]
    [InlineData("Des voisins disent que la mère boit.", "dignity.hearsay.third-party", "Des voisins ont dit le [date] que la mère boit.")]
    // The source goes right after the conditional verb.
    [InlineData("Serait une voleuse.", "dignity.hearsay.conditional", "Serait, selon [source], une voleuse.")]
    [InlineData("Le père aurait frappé ses enfants.", "dignity.hearsay.conditional", "Le père aurait, selon [source], frappé ses enfants.")]
    [InlineData("Il boirait.", "dignity.hearsay.conditional", "Il boirait, selon [source].")]
    // A modal keeps its modality: a disposition, not one dated event.
    [InlineData("Elle peut se montrer violente.", "dignity.essentialising.label", "Elle peut avoir un comportement violent ([décrire les faits, leurs dates et leur contexte]).")]
    // An adverb of frequency makes the present a habit, which stays one.
    [InlineData("Madame est toujours agressive avec les soignants.", "dignity.essentialising.label", "Madame a un comportement agressif ([décrire les faits, leurs dates et leur contexte]) avec les soignants.")]
    // A question or an adverb of doubt is a hypothesis: see No_rephrasing_where_the_frame_would_break.
    // A time already said after the span takes no second date.
    [InlineData("Mme L. est devenue agressive depuis son entrée.", "dignity.essentialising.label", "Mme L. a [décrire les faits observés] ([contexte], [fréquence]) depuis son entrée.")]
    // Only "souvent" fits between "être" and an attribute.
    [InlineData("Il est toujours en retard.", "dignity.generalisation.always-never", "Il est souvent ([fréquence]) en retard.")]
    // The adjective for "+++" agrees with the noun before it.
    [InlineData("Cris +++ dans la nuit.", "dignity.typography.plus-signs", "Cris importants ([décrire ce qui a été observé]) dans la nuit.")]
    // An exclamation mark inside a sentence becomes a comma: a full stop would leave the next word without its capital.
    [InlineData("Zut! il a encore oublié son rendez-vous.", "dignity.typography.exclamations", "Zut, il a encore oublié son rendez-vous.")]
    // A run of marks with a question mark stays a question, with one question mark.
    [InlineData("Pourquoi est-il encore absent ?!!", "dignity.typography.exclamations", "Pourquoi est-il encore absent ?")]
    // Mid-sentence, the rewrite does not copy the capital of a name.
    [InlineData("Du fait de sa maladie, Mme X est agressive.", "dignity.essentialising.label", "Du fait de sa maladie, Mme X a eu un comportement agressif le [date] ([contexte]).")]
    public void The_first_rephrasing_is_rebuilt_for_its_frame(string text, string ruleId, string expected)
    {
        var finding = Assert.Single(RewriteCases.Engine.Lint(text, RewriteCases.EveryRule), f => f.RuleId == ruleId);
        var first = finding.Suggestions.First(s => s.Kind == SuggestionKind.Rephrase);
        Assert.Equal(expected, RewriteCases.Apply(text, finding, first));
    }

    [Theory]
    // A date is added to a note without a verb, never after a verb it could contradict.
    [InlineData("Refus de soin !!!", true)]
    [InlineData("Bernadette n'a jamais fait de miracle !", false)]
    [InlineData("Résidente très agressive ce matin !", false)]
    public void A_date_ends_only_a_note_without_a_verb(string text, bool dated)
    {
        var finding = Assert.Single(RewriteCases.Engine.Lint(text, RewriteCases.EveryRule), f => f.RuleId == "dignity.typography.exclamations");
        Assert.Equal(dated, finding.Suggestions.Any(s => s.Replacement.Contains("[date]", StringComparison.Ordinal)));
    }
}
