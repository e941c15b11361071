using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using CsCheck;

namespace Cnaemo.NoteLsp.Lsp.Tests.Unit;

/// <summary>Re-linting only the changed paragraphs gives exactly what a full lint gives.</summary>
public sealed class IncrementalLinterTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static readonly string[] Pieces =
    [
        "Théo", " est ", "un délinquant", " !!!", "\n", "\n\n", "0612345678", " « ", " » ", "cancer", "😀", "\r\n",
        "`code`", "<!-- notelsp-disable-next-line dignity -->", "<!-- notelsp-disable -->", "<!-- notelsp-enable -->",
        " ne ", " pas ", ".", "famille.dupont@exemple.fr", "",
    ];

    private static readonly Gen<string> Documents = Gen.OneOfConst(Pieces).Array[0, 30].Select(p => string.Concat(p));

    [Fact]
    public void A_sequence_of_versions_lints_like_a_full_lint_of_each()
    {
        var options = LintOptions.Default with { Format = DocumentFormat.Markdown };
        Documents.Array[1, 6].Sample(versions =>
        {
            var linter = new IncrementalLinter();
            foreach (var text in versions)
            {
                var incremental = linter.Lint(Engine, text, options, CancellationToken.None).Select(f => (f.RuleId, f.Span, f.Severity)).ToList();
                var full = Engine.Lint(text, options).Select(f => (f.RuleId, f.Span, f.Severity)).ToList();
                Assert.Equal(full, incremental);
            }
        }, iter: 200);
    }

    [Fact]
    public void A_paragraph_edited_in_place_lints_like_a_full_lint()
    {
        var options = LintOptions.Default with { Format = DocumentFormat.Markdown };
        Gen.Select(Documents, Documents, Documents).Sample((first, middle, last) =>
        {
            var linter = new IncrementalLinter();
            var before = $"{first}\n\nThéo est un délinquant.\n\n{last}";
            var after = $"{first}\n\n{middle}\n\n{last}";
            linter.Lint(Engine, before, options, CancellationToken.None);
            var incremental = linter.Lint(Engine, after, options, CancellationToken.None).Select(f => (f.RuleId, f.Span)).ToList();
            Assert.Equal(Engine.Lint(after, options).Select(f => (f.RuleId, f.Span)).ToList(), incremental);
        }, iter: 200);
    }
}
