using Cnaemo.NoteLsp.Rules.Detectors;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;
using Cnaemo.NoteLsp.Rules.Text;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// The pattern detector skips a block without running the regex when the block lacks every mark the pattern needs,
/// or every context word the rule requires. These properties check that such a block can never give a finding.
/// </summary>
public sealed class PrefilterTests
{
    // Pieces of patterns: literal marks, letters, classes and groups, each with or without a quantifier.
    private static readonly Gen<string> Atoms = Gen.OneOfConst("!", @"\?", @"\+", "@", "a", "b", " ", "[!?]", "[ ]", ".", @"\d", "-");

    private static readonly Gen<string> Quantifiers = Gen.OneOfConst("", "", "?", "*", "+", "{2,}", "{0,2}", "{1,3}", "??", "+?");

    // Sequences of quantified atoms; groups of alternatives nest two levels deep.
    private static readonly Gen<string> Patterns = Level(Level(Level(Atoms)))
        .SelectMany(first => Gen.Frequency((5, Gen.Const(first)), (1, Gen.OneOfConst("x!", "y").Select(other => first + "|" + other))));

    private static Gen<string> Level(Gen<string> inner)
    {
        var group = Gen.Select(inner, inner).Select((x, y) => $"(?:{x}|{y})");
        var capture = inner.Select(x => $"({x})");
        var atom = Gen.Frequency((4, Atoms), (1, group), (1, capture));
        return Gen.Select(atom, Quantifiers).Select((a, q) => a + q).Array[1, 3].Select(parts => string.Concat(parts));
    }

    private static readonly Gen<string> Texts = Gen.OneOfConst("!", "?", "+", "@", "a", "b", " ", "1", "-", ".", "A", "\u00A0")
        .Array[0, 24].Select(parts => string.Concat(parts));

    [Fact]
    public void Every_match_holds_one_of_the_required_marks() =>
        Gen.Select(Patterns, Texts).Sample((pattern, text) =>
        {
            if (PatternCompiler.RequiredCharacters(pattern) is not { } marks)
            {
                return;
            }

            foreach (System.Text.RegularExpressions.ValueMatch match in PatternCompiler.Compile(pattern).EnumerateMatches(text))
            {
                Assert.True(text.AsSpan(match.Index, match.Length).ContainsAny(marks), $"{pattern} on \"{text}\", marks \"{marks}\"");
            }
        }, iter: 3000);

    [Theory]
    [InlineData(@"[ ]*(?:[!?]*![!?]*|\?\?+)", "!?")]
    [InlineData(@"[ ]*\+{2,}", "+")]
    [InlineData(@"(?:a!|b\?)+c", "!?")]
    [InlineData(@"a@b|c@d", "@")]
    public void The_marks_of_alternatives_are_joined(string pattern, string expected) =>
        Assert.Equal(expected, PatternCompiler.RequiredCharacters(pattern));

    [Theory]
    [InlineData(@"(?:a!|b)c")]
    [InlineData(@"(?:!|\?)?c")]
    [InlineData(@"(?i)!")]
    [InlineData(@"(?=!)a")]
    [InlineData(@"(?<n>!)")]
    [InlineData(@"\x21")]
    [InlineData(@"!{0,3}")]
    [InlineData(@"a|!")]
    public void No_marks_are_claimed_where_a_match_could_lack_them(string pattern) =>
        Assert.Null(PatternCompiler.RequiredCharacters(pattern));

    [Theory]
    [MemberData(nameof(FastPathTests.PatternFlagExamples), MemberType = typeof(FastPathTests))]
    public void The_marks_of_a_pack_pattern_are_in_each_text_it_matches(string pattern, bool onOriginal, string example)
    {
        var haystack = onOriginal ? example : FoldedText.Fold(example);
        var matches = PatternCompiler.Compile(pattern).Matches(haystack);
        Assert.NotEmpty(matches);
        var marks = PatternCompiler.RequiredCharacters(pattern);
        Assert.All(matches, match => Assert.True(marks is null || match.Value.AsSpan().ContainsAny(marks)));
    }

    // Blocks of words, some of them the required ones, some close to them ("cartes", "impots", "caf-").
    private static readonly Gen<string> Blocks = Gen.OneOfConst("la", "carte", "cartes", "Carte", "impôts", "impot", "impots", "caf", "allocataire", "n°", "123456789", ".", ",", "Il", "a", "sa", "pièce", "x4rtbpfw4")
        .Array[0, 20].Select(words => string.Join(' ', words));

    private static readonly Gen<ContextRequirement> Requirements =
        Gen.Select(Gen.OneOfConst("carte", "impot*", "caf", "piece", "allocataire*", "cni").Array[1, 3], Gen.Int[1, 6])
            .Select((words, window) => new ContextRequirement(words, window));

    [Fact]
    public void A_block_without_any_required_word_has_no_match_near_one() =>
        Gen.Select(Blocks, Requirements).Sample((block, requirement) =>
        {
            var context = new AnalysisContext(block);
            if (ContextWords.AnyInBlock(context, new RequiredWords(requirement)))
            {
                return;
            }

            for (var first = 0; first < context.TokenCount; first++)
            {
                for (var end = first + 1; end <= context.TokenCount; end++)
                {
                    Assert.False(ContextWords.AreNear(context, first, end, requirement), block);
                }
            }
        }, iter: 1000);

    // Phrases and prefixes over a small vocabulary, so that random texts often hold them.
    private static readonly Gen<string> Words = Gen.OneOfConst("sclérose", "en", "plaques", "psy", "psychiatrie", "l'", "hôpital", "Œdème", "œdème", "suivi", "*", "a", "ne", "pas", ",", "1");

    [Fact]
    public void The_trie_skips_no_match_when_it_skips_tokens_by_hash() =>
        Gen.Select(Words.Array[1, 3].Array[1, 6], Words.Array[0, 25]).Sample((phrases, text) =>
        {
            var trie = new TokenTrie<int>();
            for (var i = 0; i < phrases.Length; i++)
            {
                var phrase = FoldedText.Fold(string.Join(' ', phrases[i]));
                if (phrase.Trim('*', ' ').Length > 0)
                {
                    trie.Add(i % 2 == 0 ? phrase : phrase + "*", i);
                }
            }

            var context = new AnalysisContext(string.Join(' ', text));
            Assert.Equal(trie.FindAll(context.Folded.Value, context.TokenSpan), trie.FindAll(context));
        }, iter: 1000);

    [Fact]
    public void A_word_filter_never_forgets_a_word() =>
        Gen.String.Array[0, 200].Sample(words =>
        {
            var filter = new WordFilter();
            foreach (var word in words)
            {
                filter.Add(word);
            }

            Assert.All(words, word => Assert.True(filter.MayContain(WordFilter.Hash(word))));
        }, iter: 200);

    [Fact]
    public void A_union_of_word_filters_forgets_no_word_of_any() =>
        Gen.String.Array[0, 50].Array[1, 5].Sample(groups =>
        {
            var filters = groups.Select(words =>
            {
                var filter = new WordFilter();
                foreach (var word in words)
                {
                    filter.Add(word);
                }

                return filter;
            }).ToArray();
            var union = WordFilter.Union(filters);
            Assert.All(groups.SelectMany(words => words), word => Assert.True(union.MayContain(WordFilter.Hash(word))));
        }, iter: 200);

    // Digits of three scripts (ASCII, Arabic-Indic, full width): a regex's \d matches them all.
    private static readonly Gen<string> DigitAtoms = Gen.OneOfConst(@"\d", @"\d{2}", @"\d{3,}", @"\d{2,4}", @"\d+", @"\d?", @"\d*", @"\d{0,3}", "[0-9]", "a", " ", "-", @"\D");

    private static readonly Gen<string> DigitPatterns =
        Gen.Select(DigitAtoms.Array[1, 4], DigitAtoms.Array[1, 4], Gen.Int[0, 3]).Select((x, y, shape) => shape switch
        {
            0 => string.Concat(x) + "|" + string.Concat(y),
            1 => $"(?:{string.Concat(x)}|{string.Concat(y)}){{2}}",
            2 => $"(?:{string.Concat(x)})?{string.Concat(y)}",
            _ => string.Concat(x) + string.Concat(y),
        });

    private static readonly Gen<string> DigitTexts = Gen.OneOfConst("1", "2", "\u0663", "\uFF13", "a", " ", "-", "12", "345")
        .Array[0, 20].Select(parts => string.Concat(parts));

    [Fact]
    public void Every_match_holds_the_run_of_digits_claimed() =>
        Gen.Select(DigitPatterns, DigitTexts).Sample((pattern, text) =>
        {
            var run = PatternCompiler.RequiredDigitRun(pattern);
            foreach (System.Text.RegularExpressions.ValueMatch match in PatternCompiler.Compile(pattern).EnumerateMatches(text))
            {
                var context = new AnalysisContext(text.Substring(match.Index, match.Length) + " ");
                Assert.True(context.LongestDigitRun(context.Text) >= run, $"{pattern} on \"{text}\", run {run}");
            }
        }, iter: 3000);

    [Theory]
    [InlineData(@"\b(?:\d{9}[a-z]{2}|\d{10}[a-z])\b", 9)]
    [InlineData(@"\b\d{7}\b", 7)]
    [InlineData(@"\b\d{2}[ ]?[a-z]{2}[ ]?\d{5}\b", 5)]
    [InlineData(@"\b(?:\d{12}|\d{4} \d{4} \d{4}|[a-z0-9]{9})\b", 0)]
    [InlineData(@"(?:\d{2})?x", 0)]
    [InlineData(@"\d{0,9}x", 0)]
    public void The_run_of_digits_a_pattern_needs_is_read(string pattern, int expected) =>
        Assert.Equal(expected, PatternCompiler.RequiredDigitRun(pattern));

    [Fact]
    public void Trie_words_whose_hashes_collide_are_told_apart()
    {
        // Two words with the same hash, found among generated words (the hash has 31 bits: the birthday bound is near).
        var seen = new Dictionary<int, string>();
        (string First, string Second)? pair = null;
        for (var i = 0; pair is null && i < 1_000_000; i++)
        {
            var word = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!seen.TryAdd(WordFilter.Hash(word), word))
            {
                pair = (seen[WordFilter.Hash(word)], word);
            }
        }

        Assert.NotNull(pair);
        var (first, second) = pair.Value;
        var trie = new TokenTrie<string>();
        trie.Add(first + " x", "first");
        trie.Add(second, "second");
        trie.Add(second + " x", "second x");
        var context = new AnalysisContext($"{first} x {second} {first} {second} x");
        Assert.Equal(
            [new PhraseMatch<string>(0, 2, "first"), new PhraseMatch<string>(2, 3, "second"), new PhraseMatch<string>(4, 5, "second"), new PhraseMatch<string>(4, 6, "second x")],
            trie.FindAll(context));
    }

    // Letters that ignoring case reaches (the Kelvin sign for "k", the long s for "s"), accented ones, and digits.
    private static readonly Gen<string> LetterDigitAtoms = Gen.OneOfConst("[a-z]", "[a-z]{2}", "[A-Z]", "[a-zé]", "k", "s", "[a-z]?", "[a-z]*", @"\d", @"\d{2}", @"\d?", "[0-9]", " ", "-", "[^a-z]", @"\b", "(?:a|b)");

    private static readonly Gen<string> LetterDigitPatterns =
        Gen.Select(LetterDigitAtoms.Array[1, 4], LetterDigitAtoms.Array[1, 4], Gen.Int[0, 2]).Select((x, y, shape) => shape switch
        {
            0 => string.Concat(x) + "|" + string.Concat(y),
            1 => $"(?:{string.Concat(x)}){{1,2}}{string.Concat(y)}",
            _ => string.Concat(x) + string.Concat(y),
        });

    private static readonly Gen<string> LetterDigitTexts = Gen.OneOfConst("a", "K", "\u212A", "\u017F", "S", "é", "1", "\u0663", " ", "-", "b2")
        .Array[0, 16].Select(parts => string.Concat(parts));

    [Fact]
    public void Every_match_holds_a_letter_before_a_digit_when_claimed() =>
        Gen.Select(LetterDigitPatterns, LetterDigitTexts).Sample((pattern, text) =>
        {
            if (!PatternCompiler.NeedsLetterBeforeDigit(pattern))
            {
                return;
            }

            foreach (System.Text.RegularExpressions.ValueMatch match in PatternCompiler.Compile(pattern).EnumerateMatches(text))
            {
                var context = new AnalysisContext(text.Substring(match.Index, match.Length) + " ");
                Assert.True(context.HasLetterBeforeDigit(context.Text), $"{pattern} on \"{text}\"");
            }
        }, iter: 3000);

    [Theory]
    [InlineData(@"\b[a-z]{2}\d{2}(?:[ \-]?[a-z0-9]{4}){2,7}(?:[ \-]?[a-z0-9]{1,3})?\b", true)]
    [InlineData(@"(?:x\d|y\d)", true)]
    [InlineData(@"\b(?:\d{12}|\d{4} \d{4} \d{4}|[a-z0-9]{9})\b", false)]
    [InlineData(@"[a-z]?\d", false)]
    [InlineData(@"[^a-z]\d", false)]
    [InlineData(@"a\b\d", false)]
    [InlineData(@"a-\d", false)]
    [InlineData(@"x\d|\d", false)]
    public void A_letter_before_a_digit_is_claimed_only_where_every_match_holds_one(string pattern, bool expected) =>
        Assert.Equal(expected, PatternCompiler.NeedsLetterBeforeDigit(pattern));
}
