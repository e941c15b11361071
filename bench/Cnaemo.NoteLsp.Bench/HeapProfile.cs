using Cnaemo.NoteLsp.Rules.Detectors;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Morphology;
using Cnaemo.NoteLsp.Rules.Tests.Performance;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Bench;

/// <summary>Splits the managed heap that a running server holds by component, to show where memory goes.</summary>
public static class HeapProfile
{
    public static void Run()
    {
        var last = Live();
        Console.WriteLine($"start: {Mb(last)} MB live");
        Step("French lexicon", () => FrenchLexicon.Shared, ref last);
        Step("built-in packs parsed", () => RuleCatalog.BuiltInPacks(), ref last);
        Step("  of which a lexicon detector alone", () => new LexiconDetector(RuleCatalog.BuiltInPacks().SelectMany(p => p.Rules)), ref last);
        foreach (var definition in RuleCatalog.BuiltInPacks().SelectMany(p => p.Rules).Where(d => d.Matcher is Cnaemo.NoteLsp.Rules.Loading.CodeMatcher))
        {
            Step("  of which code detector " + definition.Descriptor.Id, () => CodeDetectors.Create(definition), ref last);
        }

        Step("catalog (detectors, tries)", () => RuleCatalog.BuiltIn(), ref last);
        Step("dignity lexicon", () => Cnaemo.NoteLsp.Rules.Rephrasing.DignityLexicon.BuiltIn, ref last);
        var engine = RuleEngine.CreateDefault();
        foreach (var lexicon in engine.Catalog.Detectors.OfType<LexiconDetector>())
        {
            Console.WriteLine($"lexicon detector: {lexicon.RuleCount} rules, {lexicon.FormCount} forms");
        }
        var shortContext = new AnalysisContext("Bonjour, Mme X est venue. Elle est agressive.");
        foreach (var detector in engine.Catalog.Detectors)
        {
            var sink = new FindingSink(LintOptions.Default);
            Step("  first use of " + (detector is PatternDetector p ? p.RuleId : detector.GetType().Name), () => { detector.Detect(shortContext, sink); return sink; }, ref last);
        }

        Step("one short lint", () => engine.Lint("Bonjour, Mme X est venue.", LintOptions.Default), ref last);
        var text = FrenchReportGenerator.Generate(50 * 1024);
        var (visible, _) = DocumentMasker.Mask(text, DocumentFormat.Markdown);
        var contexts = Blocks.Split(visible).Select(b => new AnalysisContext(visible.Substring(b.Start, b.Length))).ToList();
        Step("analysis contexts of 50 KB", () => contexts, ref last);
        foreach (var detector in engine.Catalog.Detectors)
        {
            var sink = new FindingSink(LintOptions.Default);
            Step("  detector " + (detector is PatternDetector p ? p.RuleId : detector.GetType().Name), () => { foreach (var c in contexts) { detector.Detect(c, sink); } return sink; }, ref last);
        }
        Step("one 50 KB lint (lazy state)", () => engine.Lint(FrenchReportGenerator.Generate(50 * 1024), LintOptions.Default), ref last);
        Console.WriteLine($"total: {Mb(last)} MB live, {Mb(Environment.WorkingSet)} MB working set");
    }

    private static void Step(string name, Func<object> build, ref long last)
    {
        var kept = build();
        var now = Live();
        if (now - last > 100_000 || !name.StartsWith("  ", StringComparison.Ordinal))
        {
            Console.WriteLine($"{name}: +{Mb(now - last)} MB");
        }

        last = now;
        GC.KeepAlive(kept);
    }

    private static long Live()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
