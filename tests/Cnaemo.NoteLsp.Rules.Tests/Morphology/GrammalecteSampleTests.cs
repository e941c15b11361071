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
        var lines = File.ReadAllLines(RepoPaths.InRepo("tests", "Cnaemo.NoteLsp.Rules.Tests", "Morphology", "Data", "grammalecte-sample.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .ToList();
        Assert.True(lines.Count >= 1000, $"the sample holds {lines.Count} forms");

        var mismatches = new List<string>();
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var form = line[..tab];
            var expected = line[(tab + 1)..];
            // Exact look-up only, as _morph does: no case change, no accent restored.
            var actual = string.Join('|', FrenchLexicon.Shared.Analyse(form, Tolerance.None)
                .Where(a => a.Match == MatchKind.Exact)
                .Select(a => a.ToString()));
            if (actual != expected)
            {
                mismatches.Add($"{form}: expected {expected}, got {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }
}
