using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>What the incremental-lint tests share: applying a generated edit, and describing findings for comparison.</summary>
internal static class EditScript
{
    /// <summary>
    /// Applies an edit given as where (a fraction of the length), how many code units to delete, and what to insert,
    /// so that a generated edit fits whatever text it meets.
    /// </summary>
    public static string Apply(string text, double at, int delete, string insert)
    {
        var start = (int)Math.Round(at * text.Length);
        var count = Math.Min(delete, text.Length - start);
        return string.Concat(text.AsSpan(0, start), insert, text.AsSpan(start + count));
    }

    /// <summary>Everything a user sees of each finding, in order, so that two lints can be compared whole.</summary>
    public static List<string> Describe(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.RuleId} {f.Span} {f.Severity} {f.Message} [{string.Join(" | ", f.Suggestions.Select(s => $"{s.Kind}:{s.Title}:{s.Replacement}"))}]")];
}
