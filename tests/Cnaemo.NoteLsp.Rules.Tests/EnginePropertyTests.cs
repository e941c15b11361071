using Cnaemo.NoteLsp.Rules.Engine;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests;

/// <summary>Properties that hold for any text, checked on generated French-like documents.</summary>
public sealed class EnginePropertyTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    private static readonly string[] Pieces =
    [
        "Théo", " est ", "agressif", " délinquant", " !!!", "\n", "\n\n", "0612345678", "2 95 10 99 126 111 93", " « ", " » ",
        "l’hôpital", "cancer", "😀", "é", "\r\n", "`code`", "<!-- notelsp-disable -->", " ne ", " pas ", ".", "Mme P.", "œ", "",
    ];

    private static readonly Gen<string> Documents =
        Gen.OneOfConst(Pieces).Array[0, 40].Select(parts => string.Concat(parts));

    [Fact]
    public void Spans_lie_within_the_text_and_findings_are_sorted() =>
        Documents.Sample(text =>
        {
            var findings = Engine.Lint(text);
            for (var i = 0; i < findings.Count; i++)
            {
                var span = findings[i].Span;
                Assert.InRange(span.Start, 0, text.Length);
                Assert.InRange(span.End, span.Start, text.Length);
                Assert.False(span.Start > 0 && char.IsLowSurrogate(text[span.Start]), "a span must not split a surrogate pair");
                if (i > 0)
                {
                    Assert.True(findings[i - 1].Span.Start <= span.Start);
                }
            }
        }, iter: 400);

    [Fact]
    public void Linting_is_deterministic() =>
        Documents.Sample(text =>
        {
            var first = Engine.Lint(text).Select(f => (f.RuleId, f.Span, f.Severity)).ToList();
            var second = Engine.Lint(text).Select(f => (f.RuleId, f.Span, f.Severity)).ToList();
            Assert.Equal(first, second);
        }, iter: 200);

    [Fact]
    public void A_paragraph_lints_the_same_alone_or_inside_a_document() =>
        Gen.Select(Documents, Documents).Sample((before, paragraph) =>
        {
            var cleanParagraph = paragraph.Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal)
                .Replace("<!--", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
            var prefix = before.Replace("<!--", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal) + "\n\n";
            var alone = Engine.Lint(cleanParagraph).Select(f => (f.RuleId, f.Span.Start, f.Span.Length)).ToList();
            var inside = Engine.Lint(prefix + cleanParagraph)
                .Where(f => f.Span.Start >= prefix.Length)
                .Select(f => (f.RuleId, f.Span.Start - prefix.Length, f.Span.Length)).ToList();
            Assert.Equal(alone, inside);
        }, iter: 200);
}
