using System.Diagnostics;
using System.Text.RegularExpressions;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// The hand-written scanners that replaced three quadratic regular expressions of the masker and the suppressions
/// (issue #14) find exactly what those expressions found, on generated texts made of the pieces that matter, and
/// their time grows linearly on the inputs that made the expressions quadratic.
/// </summary>
public sealed class LinearScannerTests
{
    // The replaced expressions, kept here as the oracle.
    private static readonly Regex OldDirective = new(
        @"(?:<!--|//)[ \t]*notelsp-(?<kind>disable-next-line|disable-line|disable|enable)(?<targets>[ \t,][^\n>]*?)?[ \t]*(?:-->|$)", RegexOptions.Multiline);

    private static readonly Regex OldHtmlComment = new(@"<!--[\s\S]*?-->");
    private static readonly Regex OldLinkTarget = new(@"\]\([^)\s]+\)");

    private static readonly string[] Pieces =
    [
        "<!--", "-->", "//", "/", "notelsp-", "disable", "-next-line", "-line", "enable", " ", "  ", "\t", ",", ">", "-",
        "\n", "\r\n", "a", "privacy.health", "](", "]", "(", ")", "\u00A0", "x y", "<!-- notelsp-disable-next-line a -->",
    ];

    private static readonly Gen<string> Texts = Gen.OneOfConst(Pieces).Array[0, 30].Select(parts => string.Concat(parts));

    [Fact]
    public void The_directive_scanner_finds_what_the_old_expression_found() =>
        Texts.Sample(
            text =>
            {
                var expected = OldDirective.Matches(text).Select(m => (m.Index, m.Length, m.Groups["kind"].Value, m.Groups["targets"].Value));
                var actual = DirectiveScanner.Scan(text).Select(d => (d.Index, d.Length, d.Kind, d.Targets));
                Assert.Equal(expected, actual);
            },
            iter: 20_000);

    [Fact]
    public void The_comment_and_link_scanners_find_what_the_old_expressions_found() =>
        Texts.Sample(
            text =>
            {
                var comments = new List<TextSpan>();
                DocumentMasker.AddHtmlComments(text, comments);
                Assert.Equal(OldHtmlComment.Matches(text).Select(m => new TextSpan(m.Index, m.Length)), comments);
                var links = new List<TextSpan>();
                DocumentMasker.AddLinkTargets(text, links);
                Assert.Equal(OldLinkTarget.Matches(text).Select(m => new TextSpan(m.Index, m.Length)), links);
            },
            iter: 20_000);

    [Theory]
    [InlineData("](")]
    [InlineData("<!--")]
    [InlineData("<!-- notelsp-disable,")]
    [InlineData("// notelsp-enable a  ")]
    public void Masking_time_grows_linearly_on_inputs_that_were_quadratic(string unit)
    {
        // Loose on purpose: the quadratic versions took 4 times as long for twice the text (9.8 s for 200 KB of "](").
        var small = Seconds(string.Concat(Enumerable.Repeat(unit, 100_000 / unit.Length)));
        var large = Seconds(string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length)));
        Assert.True(large < (small * 8) + 0.05, $"100 KB: {small:F3} s, 400 KB: {large:F3} s");
    }

    /// <summary>
    /// The best of five runs: on a shared machine one run can take a collection or a descheduling many times its own
    /// length, and the best run is the one that measures the algorithm.
    /// </summary>
    private static double Seconds(string text)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            _ = DocumentMasker.Mask(text, DocumentFormat.Markdown);
            _ = Suppressions.Parse(text, new Cnaemo.NoteLsp.Rules.Text.LineIndex(text));
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }
}
