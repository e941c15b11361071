using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests;

public sealed class EngineTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [Fact]
    public void Findings_carry_id_category_severity_span_message_and_references()
    {
        const string text = "Contacter la mère au 0612345678.";
        var finding = Assert.Single(Engine.Lint(text), f => f.RuleId == "privacy.identifier.phone");
        Assert.Equal(Category.Identifier, finding.Category);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("0612345678", text.Substring(finding.Span.Start, finding.Span.Length));
        Assert.NotEmpty(finding.Rule.References);
        Assert.Contains(finding.Suggestions, s => s.Kind == SuggestionKind.Mask && s.IsMechanical);
    }

    [Fact]
    public void Capitals_without_accents_still_match()
    {
        Assert.Contains(Engine.Lint("LE PERE EST SUIVI POUR UN DIABETE."), f => f.Category == Category.Health);
    }

    [Fact]
    public void Options_switch_off_rules_and_categories_and_override_severity()
    {
        const string text = "Tél. : 07.81.22.33.44";
        Assert.Empty(Engine.Lint(text, LintOptions.Default with { DisabledRules = new HashSet<string> { "privacy.identifier.phone" } }));
        Assert.Empty(Engine.Lint(text, LintOptions.Default with { DisabledCategories = new HashSet<Category> { Category.Identifier } }));
        var lowered = Engine.Lint(text, LintOptions.Default with
        {
            SeverityOverrides = new Dictionary<string, Severity> { ["privacy.identifier.phone"] = Severity.Information },
        });
        Assert.Equal(Severity.Information, Assert.Single(lowered).Severity);
    }

    [Fact]
    public void Markdown_code_and_urls_are_skipped()
    {
        const string text = "Voir `0612345678` et https://exemple.fr/0612345678\n\n```\n0612345678\n```\n";
        Assert.Empty(Engine.Lint(text, LintOptions.Default with { Format = DocumentFormat.Markdown }));
    }

    [Fact]
    public void Suppression_comments_cover_the_next_line_or_a_region()
    {
        const string text = "<!-- notelsp-disable-next-line privacy.identifier -->\nTél. 0612345678\nTél. 0612345678\n"
            + "// notelsp-disable identifier\nTél. 0612345678\n// notelsp-enable identifier\nTél. 0612345678";
        var findings = Engine.Lint(text, LintOptions.Default with { Format = DocumentFormat.Markdown });
        var lines = findings.Select(f => text[..f.Span.Start].Count(c => c == '\n')).ToList();
        Assert.Equal([2, 6], lines);
    }

    [Fact]
    public void Custom_packs_are_checked_strictly()
    {
        var error = Assert.Throws<RulePackException>(() => RulePackLoader.Load("custom.yaml", "pack: x\nrules:\n  - id: custom.test\n    categry: health\n"));
        Assert.Contains("custom.yaml:4", error.Message, StringComparison.Ordinal);
        Assert.Contains("categry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Patterns_that_need_backtracking_are_refused()
    {
        const string yaml = """
            pack: x
            rules:
              - id: custom.lookaround
                category: judgement
                severity: warning
                message: m
                explanation: e
                references: [{ label: l, url: "https://exemple.fr" }]
                pattern: '(?<=a)b'
            """;
        var error = Assert.Throws<RulePackException>(() => RulePackLoader.Load("custom.yaml", yaml));
        Assert.Contains("backtracking", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_pack_adds_rules_to_the_built_in_ones()
    {
        const string yaml = """
            pack: maison
            rules:
              - id: custom.maison.surnom
                category: insult
                severity: error
                message: Surnom à proscrire.
                explanation: Un surnom moqueur n'a pas sa place dans le dossier.
                references: [{ label: "CNIL 2019", url: "https://www.cnil.fr/" }]
                terms: [ "petit{,s} zèbre{,s}" ]
            """;
        var engine = new RuleEngine(RuleCatalog.BuiltIn([RulePackLoader.Load("maison.yaml", yaml)]));
        // A nickname that no built-in rule knows, written in capitals without accents: the custom term still finds it.
        var finding = Assert.Single(engine.Lint("Un vrai PETIT ZEBRE."));
        Assert.Equal("custom.maison.surnom", finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Quoted_words_keep_their_finding_and_lose_their_rephrasings()
    {
        // A rule that flags its words inside quotes too, and offers a rephrasing: the person's own words are kept as
        // they were said, in « » and in a straight single quote that opens reported speech after a colon.
        const string yaml = """
            pack: maison
            rules:
              - id: custom.maison.surnom
                category: insult
                severity: warning
                message: Surnom à proscrire.
                explanation: Un surnom moqueur n'a pas sa place dans le dossier.
                references: [{ label: "CNIL 2019", url: "https://www.cnil.fr/" }]
                terms: [ "petit{,s} zèbre{,s}" ]
                quoted: flag
                suggestions: [ "enfant" ]
            """;
        var engine = new RuleEngine(RuleCatalog.BuiltIn([RulePackLoader.Load("maison.yaml", yaml)]));
        var said = Assert.Single(engine.Lint("Le voisin a crié : « petit zèbre », puis il est parti."), f => f.RuleId == "custom.maison.surnom");
        Assert.DoesNotContain(said.Suggestions, s => s.Kind == SuggestionKind.Rephrase);
        var shouted = Assert.Single(engine.Lint("Le voisin a crié : 'petit zèbre', puis il est parti."), f => f.RuleId == "custom.maison.surnom");
        Assert.DoesNotContain(shouted.Suggestions, s => s.Kind == SuggestionKind.Rephrase);
        var written = Assert.Single(engine.Lint("C'est un petit zèbre."), f => f.RuleId == "custom.maison.surnom");
        Assert.Contains(written.Suggestions, s => s.Kind == SuggestionKind.Rephrase);
    }
}
