using System.Globalization;
using System.Runtime.CompilerServices;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Tests.Performance;

namespace Cnaemo.NoteLsp.Profile;

/// <summary>
/// Lints the generated report of SIZE_KB twice to warm up (the first lint loads the dignity lexicon), then RUNS more
/// times inside <see cref="Measured"/>, the one method callgrind is told to count:
/// <c>valgrind --tool=callgrind --toggle-collect='*Measured*' profile 150 3</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var sizeKb = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 150;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var engine = RuleEngine.CreateDefault();
        var options = LintOptions.Default with { Format = DocumentFormat.Markdown };
        var text = FrenchReportGenerator.Generate(sizeKb * 1024);
        if (args.Length > 2)
        {
            return OneDetector(engine, options, text, runs, args[2]);
        }

        var findings = engine.Lint(text, options).Count + engine.Lint(text, options).Count;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gen0 = GC.CollectionCount(0);
        findings += Measured(engine, text, options, runs);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        gen0 = GC.CollectionCount(0) - gen0;
        Console.WriteLine($"{sizeKb} KB, {runs} lints, {findings / (runs + 2)} findings each, {allocated / runs / 1024.0:F0} KB allocated per lint, {gen0} gen0 collections");
        return 0;
    }

    // Counts one detector alone (a pattern rule by its id, another detector by its type name) over the report's
    // blocks, whose contexts are built before the count; the dignity parse they share is made before it too.
    private static int OneDetector(RuleEngine engine, LintOptions options, string text, int runs, string name)
    {
        var detectors = engine.Catalog.Detectors.Where(d => name == "all" || NameOf(d) == name).ToArray();
        if (detectors.Length == 0)
        {
            Console.Error.WriteLine($"no detector named {name}");
            return 2;
        }

        var (visible, _) = DocumentMasker.Mask(text, options.Format);
        var contexts = Blocks.Split(visible).Select(b => new Cnaemo.NoteLsp.Rules.Text.AnalysisContext(visible.Substring(b.Start, b.Length))).ToArray();
        foreach (var context in contexts)
        {
            var sink = new Cnaemo.NoteLsp.Rules.Detectors.FindingSink(options);
            foreach (var detector in engine.Catalog.Detectors)
            {
                detector.Detect(context, sink);
            }
        }

        // "all" counts each detector in a call of its own, in catalog order: with callgrind's
        // --dump-after='*MeasuredDetector*' each dump holds one detector's instructions.
        var groups = name == "all" ? detectors.Select(d => new[] { d }).ToArray() : [detectors];
        for (var g = 0; g < groups.Length; g++)
        {
            var found = MeasuredDetector(groups[g], contexts, options, runs);
            Console.WriteLine($"{g + 1} {NameOf(groups[g][0])}: {runs} runs over {contexts.Length} blocks, {found / runs} findings each");
        }

        return 0;
    }

    private static string NameOf(Cnaemo.NoteLsp.Rules.Detectors.IDetector detector) =>
        detector is Cnaemo.NoteLsp.Rules.Detectors.PatternDetector pattern ? pattern.RuleId : detector.GetType().Name;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MeasuredDetector(Cnaemo.NoteLsp.Rules.Detectors.IDetector[] detectors, Cnaemo.NoteLsp.Rules.Text.AnalysisContext[] contexts, LintOptions options, int runs)
    {
        var found = 0;
        for (var i = 0; i < runs; i++)
        {
            foreach (var context in contexts)
            {
                var sink = new Cnaemo.NoteLsp.Rules.Detectors.FindingSink(options);
                foreach (var detector in detectors)
                {
                    detector.Detect(context, sink);
                }

                found += sink.Findings.Count;
            }
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Measured(RuleEngine engine, string text, LintOptions options, int runs)
    {
        var findings = 0;
        for (var i = 0; i < runs; i++)
        {
            findings += engine.Lint(text, options).Count;
        }

        return findings;
    }
}
