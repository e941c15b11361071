using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests.Privacy;

/// <summary>
/// Guides and service descriptions speak of an indefinite class of people; the health and criminal rules report
/// them as hints only. Records speak of someone, and keep their full findings.
/// </summary>
public sealed class GeneralStatementTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [Theory]
    [InlineData("Un enfant en danger peut présenter des ecchymoses inexpliquées ou une perte de poids.")]
    [InlineData("Ce service accueille des enfants à partir de 6 ans ayant une pathologie mentale légère.")]
    [InlineData("Toute personne hospitalisée doit pouvoir consulter son dossier.")]
    public void A_general_statement_names_nobody(string text) =>
        Assert.DoesNotContain(Engine.Lint(text), f => f.Rule.Family == RuleFamily.Privacy && f.Severity != Severity.Hint);

    [Theory]
    [InlineData("L'enfant présente des ecchymoses sur les bras.")]
    [InlineData("Mme X peut présenter des crises d'épilepsie la nuit.")]
    [InlineData("Il peut être hospitalisé dès lundi.")]
    [InlineData("C'est un enfant qui peut faire des crises d'épilepsie.")]
    [InlineData("Les parents peuvent être alcoolisés lors des visites.")]
    [InlineData("Un résident du deuxième étage a chuté ; Mme R. présente un hématome.")]
    public void A_statement_about_someone_keeps_its_finding(string text) =>
        Assert.Contains(Engine.Lint(text), f => f.Rule.Family == RuleFamily.Privacy && f.Severity != Severity.Hint);
}
