using System.Diagnostics;
using Cnaemo.NoteLsp.Rules.Detectors;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Tests.Performance;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Bench;

/// <summary>Splits the time of a full lint by phase and by detector, to show where optimisation matters.</summary>
public static class PhaseProfile
{
    private static readonly Lazy<Cnaemo.NoteLsp.Rules.Detectors.Dignity.DignityParser> Parser =
        new(() => new Cnaemo.NoteLsp.Rules.Detectors.Dignity.DignityParser(Cnaemo.NoteLsp.Rules.Rephrasing.DignityLexicon.BuiltIn));

    public static void Run(int sizeKb, int runs)
    {
        var engine = RuleEngine.CreateDefault();
        var options = LintOptions.Default with { Format = DocumentFormat.Markdown };
        var text = FrenchReportGenerator.Generate(sizeKb * 1024);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var allocations = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var (visible, _) = DocumentMasker.Mask(text, options.Format);
            Add(totals, "mask", watch);
            var blocks = Blocks.Split(visible);
            Add(totals, "split", watch);
            var findings = new List<Finding>();
            foreach (var block in blocks)
            {
                watch.Restart();
                var blockText = visible.Substring(block.Start, block.Length);
                var folded = FoldedText.Create(blockText);
                Add(totals, "context: fold", watch);
                var tokens = Tokenizer.Tokenize(folded.Value);
                Add(totals, "context: tokenize", watch);
                SentenceSplitter.Split(folded, tokens);
                Add(totals, "context: sentences", watch);
                QuoteScanner.Scan(blockText);
                Add(totals, "context: quotes", watch);
                var context = new AnalysisContext(blockText);
                Add(totals, "context: whole constructor", watch);
                var parser = Parser.Value;
                foreach (var sentence in context.Sentences)
                {
                    parser.Parse(context, sentence);
                }

                Add(totals, "dignity parser alone (not part of the sum)", watch);
                var sink = new FindingSink(options);
                foreach (var detector in engine.Catalog.Detectors)
                {
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    detector.Detect(context, sink);
                    var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                    var name = "detector " + Name(detector);
                    Add(totals, name, watch);
                    allocations[name] = allocations.GetValueOrDefault(name) + allocated;
                }

                foreach (var finding in sink.Findings)
                {
                    findings.Add(finding.Shift(block.Start));
                }
            }

            watch.Restart();
            RuleEngine.Finish(text, findings);
            Add(totals, "finish", watch);
        }

        Console.WriteLine($"{sizeKb} KB, mean over {runs} runs (ms):");
        foreach (var (phase, total) in totals.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  {phase,-45} {total / runs,9:F2} {(allocations.TryGetValue(phase, out var bytes) ? $"{bytes / runs / 1024.0,9:F0} KB" : "")}");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var block in Blocks.Split(text))
        {
            var context = new AnalysisContext(text.Substring(block.Start, block.Length));
            foreach (var sentence in context.Sentences)
            {
                Parser.Value.Parse(context, sentence);
            }
        }

        Console.WriteLine($"  dignity parser allocates {(GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0:F1} MB (with contexts)");
    }

    private static string Name(IDetector detector) => detector switch
    {
        PatternDetector p => "pattern " + p.RuleId,
        _ => detector.GetType().Name,
    };

    private static void Add(Dictionary<string, double> totals, string phase, Stopwatch watch)
    {
        totals[phase] = totals.GetValueOrDefault(phase) + watch.Elapsed.TotalMilliseconds;
        watch.Restart();
    }
}
