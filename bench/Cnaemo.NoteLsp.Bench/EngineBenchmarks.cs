using BenchmarkDotNet.Attributes;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Tests.Performance;

namespace Cnaemo.NoteLsp.Bench;

/// <summary>A full lint of a generated French report, from 15 KB to 15 MB (sizes in thousands of UTF-16 code units).</summary>
[MemoryDiagnoser]
public class FullLintBenchmarks
{
    private RuleEngine _engine = null!;
    private string _text = "";
    private LintOptions _options = null!;

    /// <summary>The document size in KB of text (1 KB = 1024 code units).</summary>
    [Params(15, 150, 1_500, 15_000)]
    public int SizeKb { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = RuleEngine.CreateDefault();
        _text = FrenchReportGenerator.Generate(SizeKb * 1024);
        _options = LintOptions.Default with { Format = DocumentFormat.Markdown };
        _engine.Lint(_text, _options);
    }

    [Benchmark]
    public int Lint() => _engine.Lint(_text, _options).Count;
}

/// <summary>
/// One keystroke in the middle of a report: the incremental linter re-runs the detectors on the edited paragraph only,
/// and still masks, splits and applies suppressions over the whole document.
/// </summary>
[MemoryDiagnoser]
public class KeystrokeBenchmarks
{
    private RuleEngine _engine = null!;
    private IncrementalLintResult _before = null!;
    private string _edited = "";
    private LintOptions _options = null!;

    /// <summary>The document size in KB of text.</summary>
    [Params(150, 15_000)]
    public int SizeKb { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = RuleEngine.CreateDefault();
        _options = LintOptions.Default with { Format = DocumentFormat.Markdown };
        var text = FrenchReportGenerator.Generate(SizeKb * 1024);
        _before = IncrementalLinting.Lint(_engine, null, text, _options);
        var at = text.IndexOf(". ", text.Length / 2, StringComparison.Ordinal);
        _edited = text.Insert(at, "s");
    }

    [Benchmark]
    public int RelintAfterKeystroke() => IncrementalLinting.Lint(_engine, _before, _edited, _options).Findings.Count;
}
