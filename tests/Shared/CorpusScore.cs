using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Tests.Shared;

/// <summary>The numbers score-corpus prints for one run of the CLI over a labelled corpus.</summary>
public sealed record CorpusScore(
    double Recall,
    double Clean,
    double CategoryAgreement,
    IReadOnlyDictionary<string, (int Found, int Total)> PerCategory,
    string Output)
{
    /// <summary>Recall for one category, 1.0 when the corpus has no line of it.</summary>
    public double RecallOf(string category) =>
        PerCategory.TryGetValue(category, out var c) && c.Total > 0 ? (double)c.Found / c.Total : 1.0;

    /// <summary>
    /// Runs ../shared/tools/score-corpus on <paramref name="corpus"/> with the notelsp CLI built next to the tests,
    /// and parses its summary. The whole output is kept so that a failing test can show every miss.
    /// </summary>
    public static CorpusScore Run(string corpus)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "notelsp.dll");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException("notelsp.dll is not next to the tests; reference the server project", cli);
        }

        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { RepoPaths.Shared("tools", "score-corpus"), corpus, "--", "dotnet", cli, "check", "--format", "json", "--fail-on", "none" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var output = stdout.Result;
        if (process.ExitCode == 2)
        {
            throw new InvalidOperationException($"score-corpus failed: {stderr}\n{output}");
        }

        var totals = Regex.Match(output, @"recall (?<r>[\d.]+)\s+clean (?<c>[\d.]+)\s+category (?<k>[\d.]+)");
        var perCategory = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("per category:", StringComparison.Ordinal)) ?? "";
        foreach (Match m in Regex.Matches(line, @"(?<name>[a-z-]+) (?<found>\d+)/(?<total>\d+)"))
        {
            perCategory[m.Groups["name"].Value] = (int.Parse(m.Groups["found"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture));
        }

        return new CorpusScore(
            double.Parse(totals.Groups["r"].Value, CultureInfo.InvariantCulture),
            double.Parse(totals.Groups["c"].Value, CultureInfo.InvariantCulture),
            double.Parse(totals.Groups["k"].Value, CultureInfo.InvariantCulture),
            perCategory,
            output);
    }
}
