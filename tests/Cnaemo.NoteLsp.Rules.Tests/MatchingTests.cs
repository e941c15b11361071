using Cnaemo.NoteLsp.Rules.Matching;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Rules.Validators;

namespace Cnaemo.NoteLsp.Rules.Tests;

public sealed class MatchingTests
{
    [Fact]
    public void Braces_expand_to_every_inflected_form()
    {
        Assert.Equal(["agressif", "agressive", "agressifs", "agressives"], TermExpander.Expand("agressi{f,ve,fs,ves}"));
        Assert.Equal(["sclérose en plaques", "scléroses en plaques"], TermExpander.Expand("sclérose{,s} en plaques"));
    }

    [Theory]
    [InlineData("a{b")]
    [InlineData("a}b")]
    [InlineData("a{b{c}}")]
    public void Unbalanced_braces_are_rejected(string pattern) =>
        Assert.Throws<FormatException>(() => TermExpander.Expand(pattern));

    [Fact]
    public void Trie_matches_phrases_and_prefixes_on_folded_tokens()
    {
        var trie = new TokenTrie<string>();
        trie.Add(FoldedText.Fold("sclérose en plaques"), "sep");
        trie.Add(FoldedText.Fold("psychiatr*"), "psy");
        var folded = FoldedText.Fold("Atteint de SCLEROSE EN PLAQUES, suivi en psychiatrie.");
        var matches = trie.FindAll(folded, Tokenizer.Tokenize(folded)).Select(m => m.Payload).ToList();
        Assert.Equal(["sep", "psy"], matches);
    }

    [Theory]
    [InlineData("2 95 10 99 126 111 93", true)]
    [InlineData("253072B07300470", true)]
    [InlineData("253072A07300443", true)]
    [InlineData("295109912611199", false)]
    [InlineData("2 77 03 75 120 005 51", true)]
    [InlineData("177037512000505", false)]
    public void Nir_key_is_checked(string candidate, bool valid) =>
        Assert.Equal(valid, IdentifierValidators.IsValidNir(candidate));

    [Theory]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", true)]
    [InlineData("FR76 3000 6000 0112 3456 7890 189", true)]
    [InlineData("FR76 3000 6000 0112 3456 7890 188", false)]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    public void Iban_checksum_is_checked(string candidate, bool valid) =>
        Assert.Equal(valid, IdentifierValidators.IsValidIban(candidate));

    [Theory]
    [InlineData("07.81.22.33.44", true)]
    [InlineData("+33 6 12 34 56 78", true)]
    [InlineData("00 12 34 56 78", false)]
    public void French_phone_prefix_is_checked(string candidate, bool valid) =>
        Assert.Equal(valid, IdentifierValidators.IsFrenchPhone(candidate));

    [Theory]
    [InlineData(@"\bne (?:fait|font) rien\b")]
    [InlineData("(a+)+$")]
    public void Patterns_are_linear_and_have_no_timeout_that_load_could_trip(string pattern)
    {
        // The findings must not depend on how busy the machine is: the non-backtracking engine is what keeps a
        // pattern from hanging, not a timeout that a loaded machine would reach on an ordinary block.
        var regex = PatternCompiler.Compile(pattern);
        Assert.True(regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.Equal(System.Text.RegularExpressions.Regex.InfiniteMatchTimeout, regex.MatchTimeout);
        Assert.DoesNotMatch(regex, new string('a', 100_000) + "!");
    }
}
