using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests.Dignity;

/// <summary>
/// The rephrasing engine's contract, checked on every dignity example and every dignity line of the dev corpus:
/// each finding offers rewrites, and applying one removes the finding without raising any other dignity finding
/// (an unfilled placeholder such as [date] is expected and allowed).
/// </summary>
public sealed class RewriteTests
{
    [Fact]
    public void There_are_rewrite_cases_to_check()
    {
        Assert.True(RewriteCases.All.Count >= 60, $"only {RewriteCases.All.Count} rewrite cases");
    }

    [Fact]
    public void Every_wording_finding_offers_a_rewrite()
    {
        var poor = RewriteCases.Sentences()
            .SelectMany(s => RewriteCases.RewritableFindings(s.Text).Select(f => (s.Source, s.Text, Finding: f)))
            .Where(x => x.Finding.Category != Category.Typography && x.Finding.Suggestions.Count(s => s.Kind == SuggestionKind.Rephrase) < 1)
            // A comparison ("vit comme des animaux") has no noun a person-first rewrite could replace: the finding
            // explains and advises, and offers no rewrite rather than a wrong one.
            .Where(x => !x.Text.AsSpan(x.Finding.Span.Start).StartsWith("comme ", StringComparison.Ordinal))
            .Select(x => $"{x.Source}: {x.Finding.RuleId} has {x.Finding.Suggestions.Count} rewrite(s) in « {x.Text} »")
            .ToList();
        Assert.True(poor.Count == 0, string.Join("\n", poor));
    }

    [Fact]
    public void Every_rewrite_written_in_a_pack_example_is_offered()
    {
        var expected = RewriteCases.Engine.Catalog.Rules.SelectMany(rule => rule.Examples.ExpectedRewrites.Select(e => (rule.Id, e.Key, e.Value))).ToList();
        Assert.True(expected.Count >= 5, $"only {expected.Count} examples carry their rewrite");
        var missing = new List<string>();
        foreach (var (ruleId, text, rewrite) in expected)
        {
            var offered = RewriteCases.Engine.Lint(text).Where(f => f.RuleId == ruleId)
                .SelectMany(f => f.Suggestions.Select(s => RewriteCases.Apply(text, f, s))).ToList();
            if (!offered.Contains(rewrite))
            {
                missing.Add($"{ruleId}: « {text} » does not offer « {rewrite} »; it offers: {string.Join(" | ", offered)}");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_typography_finding_offers_a_fix()
    {
        var none = RewriteCases.Sentences()
            .SelectMany(s => RewriteCases.RewritableFindings(s.Text).Select(f => (s.Source, s.Text, Finding: f)))
            .Where(x => x.Finding.Category == Category.Typography && x.Finding.Suggestions.Count == 0)
            .Select(x => $"{x.Source}: {x.Finding.RuleId} in « {x.Text} »")
            .ToList();
        Assert.True(none.Count == 0, string.Join("\n", none));
    }

    [Fact]
    public void Applying_a_rewrite_removes_its_finding_and_adds_no_other()
    {
        var failures = new List<string>();
        foreach (var rewrite in RewriteCases.All)
        {
            var before = Signature(RewriteCases.RewritableFindings(rewrite.Original), rewrite.Original);
            before.Remove(Key(rewrite.Finding, rewrite.Original));
            var after = Signature(RewriteCases.RewritableFindings(rewrite.Rewritten), rewrite.Rewritten);
            var added = after.Except(before).ToList();
            if (added.Count > 0)
            {
                failures.Add($"{rewrite}\n    new or remaining: {string.Join(", ", added)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Rewrites_of_a_copula_keep_tense_and_make_the_adjective_agree_with_comportement()
    {
        // The head noun "comportement" is masculine: the adjective agrees with it, not with the person.
        AssertOffers("Elle est agressive.", "Elle a eu un comportement agressif le [date] ([contexte]).");
        // The imperfect tells a habit: the rewrite keeps it one instead of dating a single event.
        AssertOffers("Les filles étaient violentes avec leurs camarades.", "Les filles avaient des comportements violents ([décrire les faits, leurs dates et leur contexte]) avec leurs camarades.");
        AssertOffers("Il avait été menaçant.", "Il avait eu un comportement menaçant le [date] ([contexte]).");
        AssertOffers("Elle s'est montrée très provocatrice.", "Elle a eu un comportement provocateur le [date] ([contexte]).");
        AssertOffers("Théo est agressif.", "Le [date], Théo a [décrire les faits observés].");
    }

    [Fact]
    public void A_label_becomes_person_first_wording()
    {
        AssertOffers("Le fils aîné est un drogué.", "Le fils aîné est une personne qui consomme [produit] ([fréquence], [source]).");
        AssertOffers("Il a croisé un drogué dans la cage d'escalier.", "Il a croisé une personne qui consomme [produit] ([fréquence], [source]) dans la cage d'escalier.");
        AssertOffers("Ce garçon est un délinquant.", "Ce garçon a été mis en cause pour [faits] le [date] ([source]).");
        AssertOffers("Cette fille est une délinquante.", "Cette fille a été mise en cause pour [faits] le [date] ([source]).");
    }

    [Fact]
    public void A_lay_diagnosis_becomes_an_observation_and_a_request_for_medical_advice()
    {
        AssertOffers("Elle est complètement parano.", "Elle a [décrire le comportement observé] le [date] (avis médical à solliciter).");
        AssertOffers("Elle fait sa crise d'hystérie habituelle.", "Elle fait [décrire le comportement observé] (avis médical à solliciter).");
    }

    [Fact]
    public void Hearsay_names_its_source()
    {
        AssertOffers("Il paraît que le père frappe les enfants.", "Selon [source], le père frappe les enfants.");
    }

    private static void AssertOffers(string text, string expected)
    {
        var rewritten = RewriteCases.RewritableFindings(text)
            .SelectMany(f => f.Suggestions.Select(s => RewriteCases.Apply(text, f, s)))
            .ToList();
        Assert.True(rewritten.Contains(expected), $"« {text} » does not offer « {expected} »; it offers:\n  {string.Join("\n  ", rewritten)}");
    }

    private static List<string> Signature(IEnumerable<Finding> findings, string text) =>
        [.. findings.Select(f => Key(f, text))];

    // Case is ignored: the fix for capitals changes the case of words another finding still covers, and that finding
    // was there before.
    private static string Key(Finding finding, string text) =>
        $"{finding.RuleId} «{text.Substring(finding.Span.Start, finding.Span.Length).ToLowerInvariant()}»";
}
