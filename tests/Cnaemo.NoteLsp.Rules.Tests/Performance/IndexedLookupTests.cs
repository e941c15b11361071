using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// The engine's indexed look-ups (phrases by the hash of their first token, digits measured by a vectorised scan)
/// must answer what the plain definitions answer, on any text.
/// </summary>
public sealed class IndexedLookupTests
{
    // Digits of several scripts, letters with and without accents, separators, and ASCII text around them.
    private static readonly Gen<string> DigitTexts =
        Gen.OneOfConst("1", "42", "\u0663", "\uFF17", "a", "É", "é", "ß", " ", "-", ".", "x9", "\u00A0", "😀", "FR76", "\n", "Ⅻ")
            .Array[0, 30].Select(parts => string.Concat(parts));

    [Fact]
    public void The_digit_profile_agrees_with_a_character_by_character_reading() =>
        DigitTexts.Sample(text =>
        {
            var longest = 0;
            var run = 0;
            var letterBefore = false;
            for (var i = 0; i < text.Length; i++)
            {
                run = char.IsDigit(text[i]) ? run + 1 : 0;
                longest = Math.Max(longest, run);
                letterBefore |= i > 0 && char.IsDigit(text[i]) && char.IsLetter(text[i - 1]);
            }

            var profile = DigitProfile.Measure(text);
            Assert.Equal(longest, profile.LongestRun);
            Assert.Equal(letterBefore, profile.LetterBeforeDigit);
            Assert.Equal(text.Count(char.IsAsciiDigit), profile.AsciiDigits);
        }, iter: 2000);

    private static readonly string[] Words = ["il", "me", "semble", "sans", "doute", "peut", "-", "etre", "a", "mon", "avis", "l'", "air"];

    private static readonly Gen<string> Phrases = Gen.OneOfConst(Words).Array[1, 4].Select(parts => string.Join(' ', parts));

    [Fact]
    public void A_word_set_finds_the_longest_phrase_that_a_joined_key_would_find() =>
        Gen.Select(Phrases.Array[0, 12], Gen.OneOfConst(Words).Array[0, 14]).Sample((phrases, words) =>
        {
            var set = new WordSet();
            foreach (var phrase in phrases)
            {
                set.Add(phrase);
            }

            var context = new AnalysisContext(string.Join(' ', words));
            for (var index = 0; index < context.TokenCount; index++)
            {
                for (var end = index; end <= context.TokenCount; end++)
                {
                    var expected = 0;
                    for (var length = Math.Min(set.MaxTokens, end - index); length > 0 && expected == 0; length--)
                    {
                        expected = set.Contains(WordSet.Key(context, index, index + length)) ? length : 0;
                    }

                    Assert.Equal(expected, set.MatchAt(context, index, end));
                }
            }
        }, iter: 1000);
}
