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
        var findings = engine.Lint(text, options).Count + engine.Lint(text, options).Count;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gen0 = GC.CollectionCount(0);
        findings += Measured(engine, text, options, runs);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        gen0 = GC.CollectionCount(0) - gen0;
        Console.WriteLine($"{sizeKb} KB, {runs} lints, {findings / (runs + 2)} findings each, {allocated / runs / 1024.0:F0} KB allocated per lint, {gen0} gen0 collections");
        return 0;
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
