using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Running;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Tests.Performance;

namespace Cnaemo.NoteLsp.Bench;

/// <summary>
/// Entry point of the benchmark tool:
/// <list type="bullet">
/// <item><c>bdn [BenchmarkDotNet arguments]</c> runs the engine benchmarks (e.g. <c>bdn --filter * --job short</c>).</item>
/// <item><c>quick SIZE_KB [RUNS]</c> times full lints and keystroke re-lints with a stopwatch, for development.</item>
/// <item><c>lexicon</c> prints what the French lexicon costs in a fresh process: first read, memory, look-ups per second.</item>
/// <item><c>generate fr|en SIZE_KB FILE</c> writes a generated report (French) or case notes (English).</item>
/// <item><c>folder DIR COUNT SIZE_KB</c> writes COUNT different French reports into DIR, for the batch CLI run.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "bdn":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
                return 0;
            case "quick" when args.Length >= 2:
                Quick(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
                return 0;
            case "phases" when args.Length >= 2:
                PhaseProfile.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
                return 0;
            case "heap":
                HeapProfile.Run();
                return 0;
            case "lexicon":
                LexiconBenchmarks.PrintColdFigures();
                return 0;
            case "generate" when args.Length == 4:
                var chars = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                var text = args[1] == "en" ? EnglishReportGenerator.Generate(chars) : FrenchReportGenerator.Generate(chars);
                File.WriteAllText(args[3], text, new UTF8Encoding(false));
                return 0;
            case "folder" when args.Length == 4:
                Directory.CreateDirectory(args[1]);
                var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
                var size = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                for (var i = 0; i < count; i++)
                {
                    File.WriteAllText(Path.Combine(args[1], $"rapport-{i:D4}.md"), FrenchReportGenerator.GenerateReport(size, seed: i + 1), new UTF8Encoding(false));
                }

                return 0;
            default:
                Console.Error.WriteLine("usage: bdn [args] | quick SIZE_KB [RUNS] | lexicon | generate fr|en SIZE_KB FILE | folder DIR COUNT SIZE_KB");
                return 2;
        }
    }

    private static void Quick(int sizeKb, int runs)
    {
        var engine = RuleEngine.CreateDefault();
        var options = LintOptions.Default with { Format = DocumentFormat.Markdown };
        var text = FrenchReportGenerator.Generate(sizeKb * 1024);
        var findings = engine.Lint(text, options).Count;
        var gen0 = GC.CollectionCount(0);
        var full = Measure(runs, () => engine.Lint(text, options));
        gen0 = (GC.CollectionCount(0) - gen0) / runs;

        var before = IncrementalLinting.Lint(engine, null, text, options);
        var at = text.IndexOf(". ", text.Length / 2, StringComparison.Ordinal);
        var edited = text.Insert(at, "s");
        var keystroke = Measure(runs * 5, () => IncrementalLinting.Lint(engine, before, edited, options));

        Console.WriteLine($"{sizeKb} KB ({text.Length} chars, {findings} findings): full lint median {full.Median:F2} ms (fastest {full.Fastest:F2} ms), "
            + $"{full.Allocated / 1024.0 / 1024.0:F1} MB allocated, {gen0} gen0 GC per lint; keystroke re-lint median {keystroke.Median:F3} ms, "
            + $"{keystroke.Allocated / 1024.0:F0} KB allocated; throughput {sizeKb / 1024.0 / (full.Median / 1000):F1} MB/s");
    }

    // The fastest run is printed too: on a shared machine it is the least disturbed by other processes.
    private static (double Median, double Fastest, long Allocated) Measure(int runs, Action action)
    {
        var times = new List<double>(runs);
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        times.Sort();
        return (times[times.Count / 2], times[0], allocated);
    }
}
