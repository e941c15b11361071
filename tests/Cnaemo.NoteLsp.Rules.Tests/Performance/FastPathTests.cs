using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;
using Cnaemo.NoteLsp.Rules.Text;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>The shortcuts taken for speed must give what the general path gives.</summary>
public sealed class FastPathTests
{
    private static readonly Gen<string> Texts =
        Gen.OneOfConst("a", "É", "Œ", "œ", "æ", "’", "\u00A0", "😀", "\uD800", "\uDC00", "ß", "İ", "K", "Ω", "x", " ", "\n", "-", "\u2011", "«", "1")
            .Array[0, 30].Select(parts => string.Concat(parts));

    [Fact]
    public void Folding_without_an_offset_map_agrees_with_the_mapped_folding() =>
        Texts.Sample(text =>
        {
            var fast = FoldedText.Create(text);
            var mapped = FoldedText.CreateWithMap(text);
            Assert.Equal(mapped.Value, fast.Value);
            for (var start = 0; start <= mapped.Value.Length; start++)
            {
                for (var end = start; end <= mapped.Value.Length; end++)
                {
                    if (end > start || start < mapped.Value.Length)
                    {
                        Assert.Equal(mapped.ToOriginal(start, end), fast.ToOriginal(start, end));
                    }
                }
            }

            for (var index = 0; index <= text.Length; index++)
            {
                Assert.Equal(mapped.ToFolded(index), fast.ToFolded(index));
            }
        }, iter: 500);

    [Theory]
    [InlineData(@"\b[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}\b", '@')]
    [InlineData(@"n° ?: ?\d+", ':')]
    [InlineData(@"\d{2}/\d{2}", '/')]
    public void A_punctuation_mark_every_match_contains_is_found(string pattern, char expected) =>
        Assert.Equal(expected, PatternCompiler.RequiredCharacter(pattern));

    [Theory]
    [InlineData(@"[!?]*(?:!!|\?!|!\?)[!?]*")]
    [InlineData(@"a@?b")]
    [InlineData(@"a@*b")]
    [InlineData(@"a@{0,2}b")]
    [InlineData(@"x@y|z")]
    [InlineData(@"(?:a@b)?c")]
    [InlineData(@"(?x) @ # comment")]
    [InlineData(@"[@]+")]
    [InlineData(@"\d+\.?")]
    [InlineData(@"\b[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?\b")]
    public void No_required_mark_is_claimed_where_a_match_could_lack_it(string pattern) =>
        Assert.Null(PatternCompiler.RequiredCharacter(pattern));

    [Theory]
    [InlineData("www.exemple.fr/0612345678")]
    [InlineData("Voir WwW.exemple.fr/0612345678 pour le détail.")]
    [InlineData("Voir HTTPS://exemple.fr/0612345678")]
    public void Urls_in_any_case_are_still_hidden(string text) =>
        Assert.DoesNotContain(RuleEngine.CreateDefault().Lint(text), f => f.RuleId == "privacy.identifier.phone");

    /// <summary>Every pattern of every built-in pack, with the texts its examples say it must flag.</summary>
    public static TheoryData<string, bool, string> PatternFlagExamples()
    {
        var data = new TheoryData<string, bool, string>();
        foreach (var definition in RuleCatalog.BuiltIn().Definitions)
        {
            if (definition.Matcher is PatternMatcher pattern)
            {
                foreach (var example in definition.Descriptor.Examples.Flag)
                {
                    data.Add(pattern.Pattern, pattern.OnOriginalText, example);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PatternFlagExamples))]
    public void The_required_mark_of_a_pack_pattern_is_in_each_text_it_matches(string pattern, bool onOriginal, string example)
    {
        var haystack = onOriginal ? example : FoldedText.Fold(example);
        var matches = PatternCompiler.Compile(pattern).Matches(haystack);
        Assert.NotEmpty(matches);
        var required = PatternCompiler.RequiredCharacter(pattern);
        Assert.All(matches, match => Assert.True(required is null || match.Value.Contains(required.Value, StringComparison.Ordinal)));
    }
}
