using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Cnaemo.NoteLsp.Rules.Morphology;
using Cnaemo.NoteLsp.Rules.Tests.Performance;

namespace Cnaemo.NoteLsp.Bench;

/// <summary>
/// What the French morphological layer costs: reading the embedded lexicon, and look-ups of the words of a
/// generated report (as written, in capitals without accents, with a typing slip) and inflections.
/// Run with <c>bdn --filter '*Lexicon*' --job short</c>; <c>lexicon</c> prints the cold figures of one fresh process.
/// </summary>
[MemoryDiagnoser]
public class LexiconBenchmarks
{
    private byte[] _bytes = [];
    private string[] _words = [];
    private string[] _capitals = [];
    private FrenchLexicon _lexicon = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = FrenchLexicon.ReadEmbeddedBytes();
        _lexicon = FrenchLexicon.FromBytes(_bytes);
        _words = ReportWords(1000);
        _capitals = [.. _words.Select(StripAccentsUpper)];
    }

    /// <summary>Reading the lexicon from its bytes, with the one copy FromBytes makes (the embedded lexicon is read in place, without it).</summary>
    [Benchmark]
    public FrenchLexicon Load() => FrenchLexicon.FromBytes(_bytes);

    /// <summary>1,000 words of a report, as written.</summary>
    [Benchmark]
    public int AnalyseWords() => _words.Sum(w => _lexicon.Analyse(w).Count);

    /// <summary>The same 1,000 words in capitals without accents, as CNIL decisions quote comment fields.</summary>
    [Benchmark]
    public int AnalyseCapitalsWithoutAccents() => _capitals.Sum(w => _lexicon.Analyse(w).Count);

    /// <summary>1,000 words of a report, classified without allocation, accents restored when needed.</summary>
    [Benchmark]
    public int ClassifyCapitalsWithoutAccents() => _capitals.Sum(w => _lexicon.Classify(w, Tolerance.Accents).AgreementMask);

    /// <summary>1,000 words, known or not, without allocation.</summary>
    [Benchmark]
    public int IsKnownWords() => _words.Count(w => _lexicon.IsKnown(w));

    /// <summary>The four forms of ten adjectives.</summary>
    [Benchmark]
    public int InflectAdjectives()
    {
        var count = 0;
        foreach (var lemma in Adjectives)
        {
            for (var i = 0; i < 4; i++)
            {
                count += _lexicon.Inflect(lemma, Rules.Rephrasing.Agreement.FromIndex(i)).Count;
            }
        }

        return count;
    }

    private static readonly string[] Adjectives = ["agressif", "violent", "menteur", "dément", "infernal", "oppositionnel", "provocateur", "gros", "vieux", "difficile"];

    /// <summary>The words of a generated French report, in order, up to <paramref name="count"/>.</summary>
    public static string[] ReportWords(int count) =>
        [.. FrenchReportGenerator.Generate(64 * 1024)
            .Split([' ', '\n', '.', ',', ';', ':', '(', ')', '«', '»', '!', '?', '"', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetter))
            .Take(count)];

    public static string StripAccentsUpper(string word) =>
        new([.. word.Select(c => "àâäéèêëîïôöùûüçÿ".IndexOf(c) is var i and >= 0 ? "aaaeeeeiioouuucy"[i] : c).Select(char.ToUpperInvariant)]);

    /// <summary>The cold figures: the first read in a fresh process, memory held, look-ups per second.</summary>
    public static void PrintColdFigures()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var lexicon = FrenchLexicon.Shared;
        var load = clock.Elapsed.TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        clock.Restart();
        var again = FrenchLexicon.FromBytes(FrenchLexicon.ReadEmbeddedBytes());
        var warmLoad = clock.Elapsed.TotalMilliseconds;
        GC.KeepAlive(again);

        var words = ReportWords(1000);
        var capitals = words.Select(StripAccentsUpper).ToArray();
        double Rate(string[] sample, Func<string, int> lookUp)
        {
            for (var i = 0; i < 3; i++)
            {
                foreach (var w in sample)
                {
                    lookUp(w);
                }
            }

            var timer = Stopwatch.StartNew();
            var n = 0;
            while (timer.ElapsedMilliseconds < 1000)
            {
                foreach (var w in sample)
                {
                    lookUp(w);
                }

                n += sample.Length;
            }

            return n / timer.Elapsed.TotalSeconds;
        }

        Console.WriteLine($"lexicon {lexicon.Source}; read in place: {lexicon.ReadsInPlace}");
        Console.WriteLine($"first read (resource + parse, cold JIT): {load:F1} ms; second read: {warmLoad:F1} ms; "
            + $"allocated {allocated / 1024.0 / 1024.0:F2} MB, held {held / 1024.0 / 1024.0:F2} MB");
        Console.WriteLine($"Analyse, words of a report as written: {Rate(words, w => lexicon.Analyse(w).Count):N0} words/s");
        Console.WriteLine($"Analyse, same words in capitals without accents: {Rate(capitals, w => lexicon.Analyse(w).Count):N0} words/s");
        Console.WriteLine($"IsKnown, words as written: {Rate(words, w => lexicon.IsKnown(w) ? 1 : 0):N0} words/s");
        Console.WriteLine($"Classify, words as written: {Rate(words, w => lexicon.Classify(w).AgreementMask):N0} words/s");
        Console.WriteLine($"Classify with accents, capitals without accents: {Rate(capitals, w => lexicon.Classify(w, Tolerance.Accents).AgreementMask):N0} words/s");
        var unknown = capitals.Count(w => lexicon.Analyse(w).Count == 0);
        Console.WriteLine($"words of the sample: {words.Length}; in capitals without accents, unknown: {unknown}");
    }
}
