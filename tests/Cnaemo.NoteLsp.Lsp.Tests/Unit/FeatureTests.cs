using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Server;

namespace Cnaemo.NoteLsp.Lsp.Tests.Unit;

/// <summary>Names, pseudonyms, hovers and code actions, on small French documents.</summary>
public sealed class FeatureTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [Theory]
    [InlineData("Théo Martin", "T. M.")]
    [InlineData("Jean-Pierre", "J.-P.")]
    [InlineData("Élodie", "É.")]
    public void Initials_keep_one_letter_per_name_part(string name, string initials) =>
        Assert.Equal(initials, Pseudonymiser.Initials(name));

    [Fact]
    public void Occurrences_are_found_whole_word_ignoring_case_and_accents()
    {
        const string text = "Théo est venu. THEO a parlé ; theo rit. Théodore n'est pas concerné.";
        var spans = Pseudonymiser.FindOccurrences(text, "Théo");
        Assert.Equal(["Théo", "THEO", "theo"], spans.Select(s => text.Substring(s.Start, s.Length)));
    }

    [Theory]
    [InlineData("Le père de Théo Martin est venu.", "Théo", "Théo Martin")]
    [InlineData("Le père de Théo Martin est venu.", "Martin", "Théo Martin")]
    [InlineData("Mme Dupont a appelé.", "Dupont", "Dupont")]
    public void A_name_extends_to_neighbouring_capitalised_words(string text, string at, string name) =>
        Assert.Equal(name, NameFinder.At(text, text.IndexOf(at, StringComparison.Ordinal) + 1)?.Name);

    [Theory]
    [InlineData("Le père est venu.", "Le")]
    [InlineData("Mme Dupont a appelé.", "Mme")]
    [InlineData("Lundi, la famille est venue.", "Lundi")]
    [InlineData("Le père est venu.", "père")]
    public void Common_words_are_not_names(string text, string at) =>
        Assert.Null(NameFinder.At(text, text.IndexOf(at, StringComparison.Ordinal)));

    [Fact]
    public void The_hover_explains_the_finding_and_cites_its_references()
    {
        var finding = Engine.Lint("Ce garçon est un délinquant.").Single();
        var markdown = HoverBuilder.Build([finding]);

        Assert.Contains(finding.Message, markdown, StringComparison.Ordinal);
        Assert.Contains("**Pourquoi c'est important**", markdown, StringComparison.Ordinal);
        Assert.Contains(finding.Rule.Explanation.Trim(), markdown, StringComparison.Ordinal);
        Assert.Contains("**Ce que disent les textes**", markdown, StringComparison.Ordinal);
        Assert.All(finding.Rule.References, r => Assert.Contains($"]({r.Url})", markdown, StringComparison.Ordinal));
        Assert.Contains("**Comment l'écrire**", markdown, StringComparison.Ordinal);
        Assert.Contains(finding.Rule.Advice, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Rephrasings_come_first_and_only_the_best_is_preferred()
    {
        var analysis = Analyse("Ce garçon est un délinquant.", "markdown");
        var span = analysis.Findings.Single().Span;
        var actions = CodeActionBuilder.Build(analysis, span, null);
        var rephrasings = actions.Where(a => a.Title.StartsWith("Reformuler", StringComparison.Ordinal)).ToList();

        Assert.Equal(analysis.Findings.Single().Suggestions.Count(s => s.Kind == SuggestionKind.Rephrase), rephrasings.Count);
        Assert.True(rephrasings[0].IsPreferred);
        Assert.All(rephrasings.Skip(1), a => Assert.Null(a.IsPreferred));
        Assert.Contains(actions, a => a.Title == "Ignorer ici (commentaire)");
        Assert.Contains(actions, a => a.Command?.CommandName == LspCommands.DisableRuleInWorkspace);
    }

    [Theory]
    [InlineData("markdown", "note.md", "  <!-- notelsp-disable-next-line dignity.essentialising.label -->\n")]
    [InlineData("plaintext", "note.txt", "  // notelsp-disable-next-line dignity.essentialising.label\n")]
    public void Ignoring_here_inserts_a_comment_line_with_the_same_indentation(string languageId, string file, string expected)
    {
        var analysis = Analyse("Titre\n\n  Ce garçon est un délinquant.", languageId, file);
        var edit = CodeActionBuilder.IgnoreCommentEdit(analysis.Snapshot, analysis.Findings.Single());

        Assert.Equal(expected, edit.NewText);
        Assert.Equal(2, edit.Range.Start.Line);
        Assert.Equal(0, edit.Range.Start.Character);
        var applied = DocumentStore.ApplyAll(analysis.Snapshot.Text, [new(edit.Range, null, edit.NewText)])!;
        Assert.Empty(Engine.Lint(applied, LintOptions.Default with { Format = analysis.Snapshot.Format }));
    }

    [Fact]
    public void Fix_all_masks_identifiers_and_never_rewords()
    {
        var analysis = Analyse("Tél. 0612345678. Ce garçon est un délinquant. IBAN FR76 3000 6000 0112 3456 7890 189.", "markdown");
        var fixAll = Assert.Single(CodeActionBuilder.Build(analysis, new TextSpan(0, 0), [CodeActionBuilder.FixAll]));
        var edits = fixAll.Edit!.Changes![analysis.Snapshot.Uri];

        Assert.Equal(CodeActionBuilder.FixAll, fixAll.Kind);
        Assert.Equal(2, edits.Count);
        Assert.All(edits, e => Assert.Contains("masqué", e.NewText, StringComparison.Ordinal));
        var masked = DocumentStore.ApplyAll(analysis.Snapshot.Text, [.. edits.OrderByDescending(e => e.Range.Start.Character).Select(e => new Server.Lsp.Protocol.TextDocumentContentChangeEvent(e.Range, null, e.NewText))])!;
        Assert.Contains("délinquant", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(Engine.Lint(masked), f => f.Category == Category.Identifier);
    }

    [Fact]
    public void Only_quick_fixes_are_returned_when_only_quick_fixes_are_asked()
    {
        var analysis = Analyse("Tél. 0612345678.", "markdown");
        var actions = CodeActionBuilder.Build(analysis, analysis.Findings.Single().Span, [CodeActionBuilder.QuickFix]);
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal(CodeActionBuilder.QuickFix, a.Kind));
    }

    private static AnalysisResult Analyse(string text, string languageId, string file = "note.md")
    {
        var snapshot = new DocumentSnapshot($"file:///dossier/{file}", languageId, 1, text);
        var settings = EffectiveSettings.Default;
        return new AnalysisResult(snapshot, settings, Engine.Lint(text, settings.Options with { Format = snapshot.Format }));
    }
}
