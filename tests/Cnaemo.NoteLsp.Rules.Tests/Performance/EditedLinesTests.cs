using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using CsCheck;
using static Cnaemo.NoteLsp.Rules.Tests.Performance.EditScript;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// When an edit cannot reach beyond its own lines, the incremental linter masks and splits only those lines and moves
/// the rest of the previous result into place. These tests type prose into documents full of what is masked or
/// document-wide (fences, comments, inline code, links, URLs) and check the result against a full lint each time.
/// </summary>
public sealed class EditedLinesTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static readonly LintOptions Markdown = LintOptions.Default with { Format = DocumentFormat.Markdown };

    // Documents hold fences (closed and left open), comments across blank lines, inline code, link targets and URLs,
    // so that edited lines sit inside, beside and between hidden parts.
    private static readonly string[] DocumentPieces =
    [
        "Théo est un délinquant", " !!!", ".", " ", "\n", "\n\n", "\r\n", "0612345678", "06 12 34 56 78",
        "famille.dupont@exemple.fr", " « ", " » ", "cancer", "diabète", "```\n", "~~~\n", "`code 0612345678`",
        "<!-- ", " -->", "[lien](https://exemple.fr/0612345678)", "https://exemple.fr/0712345678 ", "www.exemple.fr ",
        "Mme P.", "😀", "œ", "La visite s'est bien passée", "- ", "# Titre\n", "il est toujours agressif",
    ];

    // Edits hold no fence, comment or directive character, line breaks included, so each one stays in its lines.
    private static readonly string[] ProsePieces =
    [
        "x", " ", ".", "\n", "\n\n", "0612345678", "cancer", "délinquant", "Théo est un délinquant", " !!!", "é", "😀",
        "https://exemple.fr/0612345678", "[lien](https://a.fr)", "toujours", " « ", " » ",
    ];

    private static readonly Gen<string> Documents = Gen.OneOfConst(DocumentPieces).Array[0, 60].Select(string.Concat);

    private static readonly Gen<(double At, int Delete, string Insert)> ProseEdits =
        Gen.Select(
            Gen.Double[0, 1],
            Gen.OneOf(Gen.Const(0), Gen.Int[0, 12]),
            Gen.OneOf(Gen.Const(""), Gen.OneOfConst(ProsePieces).Array[1, 3].Select(string.Concat)));

    [Fact]
    public void Prose_typed_anywhere_gives_what_a_full_lint_gives()
    {
        var local = 0;
        Gen.Select(Documents, ProseEdits.Array[1, 15], Gen.OneOfConst(LintOptions.Default, Markdown)).Sample((document, edits, options) =>
        {
            var text = document;
            var result = IncrementalLinting.Lint(Engine, null, text, options);
            foreach (var (at, delete, insert) in edits)
            {
                text = Apply(text, at, delete, insert);
                result = IncrementalLinting.Lint(Engine, result, text, options);
                Assert.Equal(Describe(Engine.Lint(text, options)), Describe(result.Findings));
                local += result.EditedLinesOnly ? 1 : 0;
            }
        }, iter: 400);

        // Most of these edits hold no fence or comment character: the shortcut must have been taken, not only the
        // full scan, or this test would prove nothing about it.
        Assert.True(local > 1000, $"only {local} edits re-scanned their lines alone");
    }

    [Fact]
    public void Typing_in_a_paragraph_between_hidden_parts_rescans_only_its_lines()
    {
        const string text = "```\nTél. 0612345678\n```\n\nIntro.\n\n<!-- note\n\nTél. 0712345678 -->\n\nFin.\n";
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);
        Assert.Empty(first.Findings);

        var edited = text.Replace("Intro.", "Intro, tél. 0612345678.", StringComparison.Ordinal);
        var second = IncrementalLinting.Lint(Engine, first, edited, Markdown);

        Assert.True(second.EditedLinesOnly);
        Assert.Equal(1, second.BlocksLinted);
        Assert.Equal(Describe(Engine.Lint(edited, Markdown)), Describe(second.Findings));
        Assert.Single(second.Findings);
    }

    [Fact]
    public void Typing_inside_an_open_comment_stays_hidden()
    {
        const string text = "Début.\n\n<!-- brouillon\n\nTél. 0712345678\n\nfin du brouillon -->\n";
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);
        var edited = text.Replace("Tél. 0712345678", "Tél. 0712345678, il est violent", StringComparison.Ordinal);

        var second = IncrementalLinting.Lint(Engine, first, edited, Markdown);

        Assert.True(second.EditedLinesOnly);
        Assert.Empty(second.Findings);
        Assert.Equal(Describe(Engine.Lint(edited, Markdown)), Describe(second.Findings));
    }

    [Fact]
    public void Typing_a_fence_character_or_a_directive_rescans_the_document()
    {
        const string text = "Tél. 0612345678\n\nIntro.\n\nTél. 0712345678\n";
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);

        var fenced = IncrementalLinting.Lint(Engine, first, text.Replace("Intro.", "```", StringComparison.Ordinal), Markdown);
        var directive = IncrementalLinting.Lint(Engine, first, "<!-- notelsp-disable -->\n" + text, Markdown);

        Assert.False(fenced.EditedLinesOnly);
        Assert.Single(fenced.Findings);
        Assert.False(directive.EditedLinesOnly);
        Assert.Empty(directive.Findings);
    }

    [Fact]
    public void A_line_typed_after_a_fence_closed_at_the_end_of_the_text_is_read()
    {
        // Found by the property test above (seed 97zmJKVawm91): the closed fence was taken for one left open.
        const string text = "```\nTél. 0612345678\n```\n";
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);
        var closed = IncrementalLinting.Lint(Engine, first, text + "Tél. 0712345678", Markdown);
        var open = IncrementalLinting.Lint(Engine, IncrementalLinting.Lint(Engine, null, "```\nx\n", Markdown), "```\nx\nTél. 0712345678", Markdown);

        Assert.Empty(first.Findings);
        Assert.Single(closed.Findings);
        Assert.Equal(Describe(Engine.Lint(text + "Tél. 0712345678", Markdown)), Describe(closed.Findings));
        Assert.Empty(open.Findings);
    }

    [Fact]
    public void Joining_and_splitting_paragraphs_moves_the_findings_after_them()
    {
        const string text = "Il est violent.\n\nIl est agressif.\n\nTél. 0612345678\n\nFin !!!\n";
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);

        var joined = text.Replace("violent.\n\nIl", "violent. Il", StringComparison.Ordinal);
        var afterJoin = IncrementalLinting.Lint(Engine, first, joined, Markdown);
        var split = joined.Replace("violent. Il", "violent.\n\n\n\nIl", StringComparison.Ordinal);
        var afterSplit = IncrementalLinting.Lint(Engine, afterJoin, split, Markdown);

        Assert.True(afterJoin.EditedLinesOnly);
        Assert.Equal(first.BlockCount - 1, afterJoin.BlockCount);
        Assert.Equal(Describe(Engine.Lint(joined, Markdown)), Describe(afterJoin.Findings));
        Assert.True(afterSplit.EditedLinesOnly);
        Assert.Equal(first.BlockCount, afterSplit.BlockCount);
        Assert.Equal(Describe(Engine.Lint(split, Markdown)), Describe(afterSplit.Findings));
    }

    [Fact]
    public void Common_ends_are_found_across_chunk_boundaries() =>
        Gen.Select(Gen.String[Gen.Char['a', 'c'], 0, 300], Gen.String[Gen.Char['a', 'c'], 0, 300], Gen.String[Gen.Char['a', 'c'], 0, 300])
            .Sample((head, first, second) =>
            {
                var a = first + head;
                var b = second + head;
                var expected = 0;
                while (expected < Math.Min(a.Length, b.Length) && a[^(expected + 1)] == b[^(expected + 1)])
                {
                    expected++;
                }

                Assert.Equal(expected, EditWindow.CommonSuffixLength(a, b));
            });
}
