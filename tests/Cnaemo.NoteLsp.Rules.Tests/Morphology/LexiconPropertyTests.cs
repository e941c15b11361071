using Cnaemo.NoteLsp.Rules.Morphology;
using Cnaemo.NoteLsp.Tests.Shared;
using Xunit;

namespace Cnaemo.NoteLsp.Rules.Tests.Morphology;

/// <summary>Properties that hold for every form of the sample drawn from the whole lexicon, not only for chosen words.</summary>
public sealed class LexiconPropertyTests
{
    private static readonly string[] SampleForms = [.. File.ReadAllLines(RepoPaths.InRepo("tests", "Cnaemo.NoteLsp.Rules.Tests", "Morphology", "Data", "grammalecte-sample.tsv"))
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(line => line[..line.IndexOf('\t', StringComparison.Ordinal)])];

    [Fact]
    public void Inflecting_the_lemma_of_a_noun_or_adjective_with_its_gender_and_number_gives_the_form_back()
    {
        var lexicon = FrenchLexicon.Shared;
        var checkedForms = 0;
        var failures = new List<string>();
        foreach (var form in SampleForms)
        {
            foreach (var reading in lexicon.Analyse(form, Tolerance.None))
            {
                if (!reading.Is(PartOfSpeech.Noun | PartOfSpeech.Adjective) || reading.Gender == LexicalGender.Unspecified
                    || reading.Number == LexicalNumber.Unspecified || reading.Match != MatchKind.Exact)
                {
                    continue;
                }

                checkedForms++;
                var forms = lexicon.Inflect(reading.Lemma, reading.Gender, reading.Number, reading.PartOfSpeech & (PartOfSpeech.Noun | PartOfSpeech.Adjective));
                if (!forms.Contains(form))
                {
                    failures.Add($"{form} ({reading}): Inflect gave {string.Join(", ", forms)}");
                }
            }
        }

        Assert.True(checkedForms > 200, $"only {checkedForms} noun or adjective readings in the sample");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void Every_form_returned_by_Inflect_reads_back_as_a_form_of_its_lemma()
    {
        var lexicon = FrenchLexicon.Shared;
        foreach (var form in SampleForms)
        {
            foreach (var lemma in lexicon.Lemmas(form, PartOfSpeech.Noun | PartOfSpeech.Adjective, Tolerance.None))
            {
                foreach (var gender in new[] { LexicalGender.Masculine, LexicalGender.Feminine })
                {
                    foreach (var number in new[] { LexicalNumber.Singular, LexicalNumber.Plural })
                    {
                        foreach (var inflected in lexicon.Inflect(lemma, gender, number))
                        {
                            Assert.Contains(lexicon.Analyse(inflected, Tolerance.None), r => r.Lemma == lemma && r.Tag.Allows(gender) && r.Tag.Allows(number));
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void The_forms_of_the_sample_written_in_capitals_without_accents_find_their_form_again()
    {
        var lexicon = FrenchLexicon.Shared;
        var misses = new List<string>();
        var tried = 0;
        foreach (var form in SampleForms.Where(f => f.Length <= 40 && f.All(char.IsLetter) && f.Any(c => c > 127) && !f.Contains('œ')))
        {
            tried++;
            var stripped = new string([.. form.Select(c => char.ToUpperInvariant(BareForTest(c)))]);
            if (!lexicon.Analyse(stripped, Tolerance.EveryAccentReading).Any(r => r.Form == form))
            {
                misses.Add($"{stripped} did not find {form}");
            }
        }

        Assert.True(tried > 100, $"only {tried} accented forms in the sample");
        Assert.True(misses.Count == 0, string.Join('\n', misses.Take(20)));
    }

    [Fact]
    public void Look_ups_are_deterministic_and_give_the_same_answers_from_several_threads()
    {
        var lexicon = FrenchLexicon.Shared;
        string Describe(string word) => string.Join('|', lexicon.Analyse(word).Select(r => $"{r.Form}{r}{r.Match}"));
        var words = SampleForms.Take(300).Concat(["DEMENTE", "negligee", "agresive", "coeur", "HAINE"]).ToArray();
        var expected = words.Select(Describe).ToArray();
        var results = new string[8][];
        Parallel.For(0, results.Length, t => results[t] = [.. words.Select(Describe)]);
        Assert.All(results, run => Assert.Equal(expected, run));
    }

    [Fact]
    public void Two_readers_of_the_same_bytes_agree()
    {
        var other = FrenchLexicon.FromBytes(FrenchLexicon.ReadEmbeddedBytes());
        foreach (var form in SampleForms.Take(200))
        {
            Assert.Equal(FrenchLexicon.Shared.Analyse(form).Select(r => r.ToString()), other.Analyse(form).Select(r => r.ToString()));
        }
    }

    // Spelled out here rather than taken from the code under test, so that the test checks the search, not the table.
    private static char BareForTest(char c) => "àâäéèêëîïôöùûüçÿ".IndexOf(c) is var i and >= 0 ? "aaaeeeeiioouuucy"[i] : c;
}
