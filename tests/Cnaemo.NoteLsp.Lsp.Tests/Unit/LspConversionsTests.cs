using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using LspRange = Cnaemo.NoteLsp.Server.Lsp.Protocol.Range;

namespace Cnaemo.NoteLsp.Lsp.Tests.Unit;

/// <summary>Spans and ranges count UTF-16 code units on both sides: an emoji is two columns.</summary>
public sealed class LspConversionsTests
{
    [Fact]
    public void A_span_after_an_emoji_starts_two_columns_further()
    {
        const string text = "😀 délinquant";
        var start = text.IndexOf('d', StringComparison.Ordinal);
        var range = LspConversions.ToRange(new TextSpan(start, "délinquant".Length), new LineIndex(text));
        Assert.Equal(new LspRange(new Position(0, 3), new Position(0, 13)), range);
    }

    [Fact]
    public void A_range_on_the_second_line_maps_back_to_the_same_span()
    {
        const string text = "Première ligne 🙂\r\nSœur de 👩‍👧 Théo\n";
        var lines = new LineIndex(text);
        var start = text.IndexOf("Théo", StringComparison.Ordinal);
        var span = new TextSpan(start, 4);
        var range = LspConversions.ToRange(span, lines);
        Assert.Equal(1, range.Start.Line);
        Assert.Equal(span, LspConversions.ToSpan(range, text, lines));
    }

    [Theory]
    [InlineData(0, 17, true)]   // the end of the first line's text (the emoji counts 2)
    [InlineData(0, 18, false)]  // past it: the line break is not part of the line
    [InlineData(2, 0, true)]    // the empty last line after the final line break
    [InlineData(3, 0, false)]   // no such line
    [InlineData(-1, 0, false)]
    public void Positions_outside_the_text_are_rejected(int line, int character, bool valid)
    {
        const string text = "Première ligne 🙂\r\nSœur\n";
        var offset = LspConversions.ToOffset(new Position(line, character), text, new LineIndex(text));
        Assert.Equal(valid, offset is not null);
    }

    [Fact]
    public void A_reversed_range_is_rejected()
    {
        const string text = "abc def";
        Assert.Null(LspConversions.ToSpan(new LspRange(new Position(0, 5), new Position(0, 1)), text, new LineIndex(text)));
    }

    [Fact]
    public void A_diagnostic_carries_the_rule_the_reference_and_the_category()
    {
        const string text = "😀 Ce garçon est un délinquant.";
        var finding = Assert.Single(RuleEngine.CreateDefault().Lint(text), f => f.RuleId == "dignity.essentialising.label");
        var diagnostic = LspConversions.ToDiagnostic(finding, new LineIndex(text));

        Assert.Equal("dignity.essentialising.label", diagnostic.Code);
        Assert.Equal("notelsp", diagnostic.Source);
        Assert.Equal(finding.Rule.References[0].Url, diagnostic.CodeDescription?.Href);
        Assert.Equal(new DiagnosticData("essentialising", "dignity", "dignity.essentialising.label"), diagnostic.Data);
        Assert.Equal(text.IndexOf("Ce garçon", StringComparison.Ordinal), diagnostic.Range.Start.Character);
        Assert.Equal(LspConversions.ToLspSeverity(finding.Severity), diagnostic.Severity);
    }

    [Fact]
    public void A_suggestion_becomes_an_edit_of_the_finding_span()
    {
        const string text = "🙂🙂 Tél. : 0612345678";
        var finding = Assert.Single(RuleEngine.CreateDefault().Lint(text));
        var mask = finding.Suggestions.First(s => s.Kind == SuggestionKind.Mask);
        var edit = LspConversions.ToTextEdit(finding, mask, new LineIndex(text));

        // The two emoji count four code units, as UTF-16 strings count them.
        var column = text.IndexOf("0612345678", StringComparison.Ordinal);
        Assert.Equal(new LspRange(new Position(0, column), new Position(0, column + 10)), edit.Range);
        Assert.Equal(mask.Replacement, edit.NewText);
    }

    [Theory]
    [InlineData(Severity.Error, 1)]
    [InlineData(Severity.Warning, 2)]
    [InlineData(Severity.Information, 3)]
    [InlineData(Severity.Hint, 4)]
    public void Severities_map_to_the_LSP_numbers(Severity severity, int expected) =>
        Assert.Equal(expected, LspConversions.ToLspSeverity(severity));

    [Theory]
    [InlineData(0, 4, false)]  // no cap: every finding
    [InlineData(10, 4, false)] // a cap above the count changes nothing
    [InlineData(4, 4, false)]
    [InlineData(3, 3, true)]   // three shown, then one diagnostic for the fourth
    [InlineData(1, 1, true)]
    public void A_cap_keeps_the_first_findings_and_sums_up_the_rest(int cap, int shown, bool summed)
    {
        // One number per paragraph, so that no two of them are grouped as one fact.
        const string text = "Tél. 06 12 34 56 78.\n\nTél. 06 12 34 56 79.\n\nTél. 06 12 34 56 70.\n\nTél. 06 12 34 56 71.";
        var findings = RuleEngine.CreateDefault().Lint(text);
        Assert.Equal(4, findings.Count);
        var lines = new LineIndex(text);
        var diagnostics = LspConversions.ToDiagnostics(findings, lines, "file:///note.txt", cap);

        Assert.Equal(shown + (summed ? 1 : 0), diagnostics.Count);
        Assert.Equal(findings.Take(shown).Select(f => LspConversions.ToRange(f.Span, lines)), diagnostics.Take(shown).Select(d => d.Range));
        if (summed)
        {
            var more = diagnostics[^1];
            Assert.Equal(LspConversions.MoreFindingsCode, more.Code);
            Assert.Equal(LspConversions.ToRange(new TextSpan(findings[shown].Span.Start, 0), lines), more.Range);
            Assert.Contains($"limite l'affichage à {cap} par document", more.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_grouped_finding_carries_its_parts_as_related_information_and_in_data()
    {
        const string text = "😀 Il est incarcéré depuis sa condamnation pour vol.";
        var finding = Assert.Single(RuleEngine.CreateDefault().Lint(text));
        var lines = new LineIndex(text);
        var diagnostic = LspConversions.ToDiagnostic(finding, lines, "file:///note.txt");

        var parts = diagnostic.Data!.Parts!;
        Assert.Equal(finding.Parts.Select(p => p.RuleId), parts.Select(p => p.RuleId));
        Assert.Equal(finding.Parts.Select(p => LspConversions.ToRange(p.Span, lines)), parts.Select(p => p.Range));
        Assert.Equal(text.IndexOf("incarcéré", StringComparison.Ordinal), parts[0].Range.Start.Character);
        var related = diagnostic.RelatedInformation!;
        Assert.Equal(parts.Select(p => p.Range), related.Select(r => r.Location.Range));
        Assert.All(related, r => Assert.Equal("file:///note.txt", r.Location.Uri));
        Assert.Null(LspConversions.ToDiagnostic(finding, lines).RelatedInformation);
    }

    [Fact]
    public void A_part_suggestion_becomes_an_edit_of_that_part_only()
    {
        const string text = "Il traite sa mère de connard, d'abruti.";
        var finding = Assert.Single(RuleEngine.CreateDefault().Lint(text));
        var suggestion = finding.Suggestions.First(s => s.Span is not null);
        var edit = LspConversions.ToTextEdit(finding, suggestion, new LineIndex(text));
        Assert.Equal(text.IndexOf("de connard", StringComparison.Ordinal), edit.Range.Start.Character);
        Assert.Equal(text.IndexOf(',', StringComparison.Ordinal), edit.Range.End.Character);
    }
}
