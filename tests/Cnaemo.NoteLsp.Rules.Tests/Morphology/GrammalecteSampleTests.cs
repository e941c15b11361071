using Cnaemo.NoteLsp.Rules.Morphology;
using Cnaemo.NoteLsp.Tests.Shared;
using Xunit;

namespace Cnaemo.NoteLsp.Rules.Tests.Morphology;

/// <summary>
/// The C# reader gives the same analyses as Grammalecte's own Python reader (ibdawg._morph) on a fixed sample of
/// about a thousand forms drawn from the whole lexicon, plus a few unknown words. The expected file was written by
/// <c>python3 scripts/lexicon/build-lexicon.py --sample</c> with Grammalecte installed; this test needs only the file.
/// </summary>
public sealed class GrammalecteSampleTests
{
    [Fact]
    public void Every_sampled_form_has_the_analyses_of_the_Python_reader_in_the_same_order()
    {
        // Exact look-up only, as _morph does: no case change, no accent restored.
        var mismatches = Compare("grammalecte-sample.tsv", form => FrenchLexicon.Shared.Analyse(form, Tolerance.None).Where(a => a.Match == MatchKind.Exact));
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }

    [Fact]
    public void Words_in_capitals_have_the_analyses_of_getMorph_in_the_same_order()
    {
        // getMorph reads the word as written, then in lower case, then capitalised if it is all capitals.
        var mismatches = Compare("grammalecte-sample-capitals.tsv", word => FrenchLexicon.Shared.Analyse(word, Tolerance.None));
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }

    private static List<string> Compare(string file, Func<string, IEnumerable<WordAnalysis>> analyse)
    {
        var lines = File.ReadAllLines(RepoPaths.InRepo("tests", "Cnaemo.NoteLsp.Rules.Tests", "Morphology", "Data", file))
            .Where(line => line.Length > 0 && line[0] != '#')
            .ToList();
        Assert.True(lines.Count >= 500, $"{file} holds {lines.Count} words");
        var mismatches = new List<string>();
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var word = line[..tab];
            var expected = line[(tab + 1)..];
            var actual = string.Join('|', analyse(word).Select(a => a.ToString()));
            if (actual != expected)
            {
                mismatches.Add($"{word}: expected {expected}, got {actual}");
            }
        }

        return mismatches;
    }
}
