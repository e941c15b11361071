using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Tests.Shared;

/// <summary>An expected finding written under a fixture line: where, which rule, and whether it is only a hint.</summary>
public sealed record ExpectedMarker(int Line, int StartColumn, int EndColumn, string RuleId, bool Hint)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line + 1}, columns {StartColumn + 1}-{EndColumn}: {RuleId}{(Hint ? " (hint)" : "")}";
}

/// <summary>
/// Fixture documents read like the reports they test. A line made only of spaces, carets and a rule id marks the
/// text line above it:
/// <code>
/// Théo est un délinquant !!!
///             ^^^^^^^^^^ dignity.label.delinquent
/// </code>
/// Add "hint" after the id when the finding is expected at hint severity. Marker lines are removed before linting,
/// and the remaining findings must match the markers exactly, no more and no fewer.
/// </summary>
public static class FixtureMarkers
{
    /// <summary>Splits a fixture into the document text and its markers.</summary>
    public static (string Text, List<ExpectedMarker> Markers) Parse(string fixture)
    {
        var lines = fixture.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var text = new List<string>();
        var markers = new List<ExpectedMarker>();
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart(' ');
            if (trimmed.StartsWith('^') && text.Count > 0)
            {
                var start = line.Length - trimmed.Length;
                var carets = trimmed.TakeWhile(c => c == '^').Count();
                var words = trimmed[carets..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    throw new FormatException($"marker without a rule id under: {text[^1]}");
                }

                markers.Add(new ExpectedMarker(text.Count - 1, start, start + carets, words[0], words.Skip(1).Contains("hint")));
                continue;
            }

            text.Add(line);
        }

        return (string.Join('\n', text), markers);
    }

    /// <summary>
    /// Compares findings with markers and returns a readable list of differences (empty when they agree), so that a
    /// failing test says exactly which finding is missing or unexpected.
    /// </summary>
    public static List<string> Compare(string text, IEnumerable<ExpectedMarker> markers, IEnumerable<Finding> findings)
    {
        var lines = new LineIndex(text);
        var textLines = text.Split('\n');
        var actual = findings.Select(f =>
        {
            var start = lines.GetPosition(f.Span.Start);
            var end = lines.GetPosition(f.Span.End);
            var endColumn = end.Line == start.Line ? end.Character : textLines[start.Line].Length;
            return new ExpectedMarker(start.Line, start.Character, endColumn, f.RuleId, f.Severity == Severity.Hint);
        }).ToList();
        var expected = markers.ToList();
        var problems = new List<string>();
        foreach (var marker in expected.Except(actual))
        {
            problems.Add($"missing  {marker} — «{Excerpt(textLines, marker)}»");
        }

        foreach (var finding in actual.Except(expected))
        {
            problems.Add($"extra    {finding} — «{Excerpt(textLines, finding)}»");
        }

        return problems;
    }

    private static string Excerpt(string[] lines, ExpectedMarker marker)
    {
        var line = lines[marker.Line];
        var end = Math.Min(line.Length, Math.Max(marker.StartColumn, marker.EndColumn));
        return line[Math.Min(marker.StartColumn, end)..end];
    }
}
