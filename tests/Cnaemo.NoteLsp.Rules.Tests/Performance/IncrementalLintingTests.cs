using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using CsCheck;
using static Cnaemo.NoteLsp.Rules.Tests.Performance.EditScript;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// The incremental linter must give exactly what a full lint gives, after any sequence of edits, while running the
/// detectors only on the paragraphs that changed.
/// </summary>
public sealed class IncrementalLintingTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static readonly LintOptions Markdown = LintOptions.Default with { Format = DocumentFormat.Markdown };

    // Pieces that stress what is document-wide: code fences that open in one paragraph and hide the next ones,
    // comments spanning blank lines, suppression directives, quotes, and line endings of every kind.
    private static readonly string[] Pieces =
    [
        "Théo est un délinquant", " !!!", ".", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "0612345678", "06 12 34 56 78",
        "2 95 10 99 126 111 93", "famille.dupont@exemple.fr", " « ", " » ", "cancer", "cancer du silence", "diabète",
        "l’hôpital", "```\n", "~~~", "`", "<!-- ", " -->", "<!-- notelsp-disable-next-line privacy.identifier -->\n",
        "<!-- notelsp-disable health -->", "<!-- notelsp-enable -->", "// notelsp-disable-line\n", "https://exemple.fr/0612345678",
        " ne ", " pas ", "Mme P.", "😀", "é", "œ", "La visite s'est bien passée", "- ", "# Titre\n",
    ];

    private static readonly Gen<string> Fragments = Gen.OneOfConst(Pieces).Array[1, 4].Select(parts => string.Concat(parts));

    private static readonly Gen<string> Documents = Gen.OneOfConst(Pieces).Array[0, 50].Select(parts => string.Concat(parts));

    /// <summary>An edit: where (as a fraction of the length), how many code units to delete, and what to insert.</summary>
    private static readonly Gen<(double At, int Delete, string Insert)> Edits =
        Gen.Select(Gen.Double[0, 1], Gen.OneOf(Gen.Const(0), Gen.Int[0, 30]), Gen.OneOf(Gen.Const(""), Fragments));

    [Fact]
    public void After_any_sequence_of_edits_the_result_equals_a_full_lint() =>
        Gen.Select(Documents, Edits.Array[1, 12], Gen.OneOfConst(LintOptions.Default, Markdown)).Sample((document, edits, options) =>
        {
            var text = document;
            var result = IncrementalLinting.Lint(Engine, null, text, options);
            Assert.Equal(Describe(Engine.Lint(text, options)), Describe(result.Findings));
            foreach (var (at, delete, insert) in edits)
            {
                text = Apply(text, at, delete, insert);
                result = IncrementalLinting.Lint(Engine, result, text, options);
                Assert.Equal(Describe(Engine.Lint(text, options)), Describe(result.Findings));
            }
        }, iter: 300);

    [Fact]
    public void A_keystroke_in_one_paragraph_relints_only_that_paragraph()
    {
        var text = FrenchReportGenerator.Generate(20_000);
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);
        var at = text.IndexOf("\n\n", text.Length / 2, StringComparison.Ordinal) - 1;
        var edited = text.Insert(at, "x");
        var second = IncrementalLinting.Lint(Engine, first, edited, Markdown);

        Assert.Equal(first.BlockCount, first.BlocksLinted + DuplicateBlocks(text));
        Assert.Equal(1, second.BlocksLinted);
        Assert.Equal(Describe(Engine.Lint(edited, Markdown)), Describe(second.Findings));
    }

    [Fact]
    public void Opening_a_code_fence_hides_the_paragraphs_after_it()
    {
        const string text = "Tél. 0612345678\n\nIntro.\n\nTél. 0712345678\n\nFin.\n";
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);
        Assert.Equal(2, first.Findings.Count);

        var fenced = text.Replace("Intro.", "```", StringComparison.Ordinal);
        var second = IncrementalLinting.Lint(Engine, first, fenced, Markdown);
        Assert.Equal(Describe(Engine.Lint(fenced, Markdown)), Describe(second.Findings));
        Assert.Single(second.Findings);
    }

    [Fact]
    public void A_suppression_comment_added_above_a_paragraph_hides_its_finding_without_relinting_it()
    {
        const string text = "Contacter la mère au 0612345678.\n\nLa visite s'est bien passée.\n";
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);
        var suppressed = "<!-- notelsp-disable privacy.identifier -->\n\n" + text;
        var second = IncrementalLinting.Lint(Engine, first, suppressed, Markdown);

        Assert.Empty(second.Findings);
        Assert.Equal(Describe(Engine.Lint(suppressed, Markdown)), Describe(second.Findings));
    }

    [Fact]
    public void Changed_options_or_another_engine_relint_everything()
    {
        var text = FrenchReportGenerator.Generate(5_000);
        var first = IncrementalLinting.Lint(Engine, null, text, Markdown);
        var withoutPhones = Markdown with { DisabledRules = new HashSet<string>(StringComparer.Ordinal) { "privacy.identifier.phone" } };
        var second = IncrementalLinting.Lint(Engine, first, text, withoutPhones);

        Assert.Equal(first.BlocksLinted, second.BlocksLinted);
        Assert.Equal(Describe(Engine.Lint(text, withoutPhones)), Describe(second.Findings));
        Assert.DoesNotContain(second.Findings, f => f.RuleId == "privacy.identifier.phone");
    }

    private static int DuplicateBlocks(string text)
    {
        var (visible, _) = DocumentMasker.Mask(text, DocumentFormat.Markdown);
        var blocks = Blocks.Split(visible).Select(b => visible.Substring(b.Start, b.Length)).ToList();
        return blocks.Count - blocks.Distinct(StringComparer.Ordinal).Count();
    }
}
