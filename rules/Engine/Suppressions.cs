using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// Suppression directives written in the document, in a markdown comment or on a plain-text line:
/// <code>
/// &lt;!-- notelsp-disable-next-line dignity.label --&gt;     // notelsp-disable-next-line dignity.label
/// &lt;!-- notelsp-disable health --&gt; … &lt;!-- notelsp-enable health --&gt;
/// </code>
/// Each directive names rule ids, id prefixes ("privacy.health") or categories ("health"); with no name it
/// covers every rule. Directives are found by <see cref="DirectiveScanner"/>, in linear time.
/// </summary>
public sealed class Suppressions
{
    private readonly List<(int FromLine, int ToLine, string[] Targets)> _lineRanges = [];
    private readonly List<(int From, int To, string[] Targets)> _regions = [];

    private Suppressions()
    {
    }

    /// <summary>
    /// The directive that silences <paramref name="ruleIds"/> on the next line, in the comment form of
    /// <paramref name="format"/>; written here, beside its parser, so that what the quick fix writes is what
    /// <see cref="Parse"/> reads.
    /// </summary>
    public static string NextLineDirective(DocumentFormat format, IEnumerable<string> ruleIds)
    {
        var rules = string.Join(' ', ruleIds.Distinct(StringComparer.Ordinal));
        return format == DocumentFormat.Markdown
            ? $"<!-- notelsp-disable-next-line {rules} -->"
            : $"// notelsp-disable-next-line {rules}";
    }

    /// <summary>True when the document has no directive.</summary>
    public bool IsEmpty => _lineRanges.Count == 0 && _regions.Count == 0;

    /// <summary>Reads the directives of <paramref name="text"/>.</summary>
    public static Suppressions Parse(string text, LineIndex lines)
    {
        var result = new Suppressions();
        if (!text.Contains("notelsp-", StringComparison.Ordinal))
        {
            return result;
        }

        var open = new List<(int Start, string[] Targets)>();
        foreach (var m in DirectiveScanner.Scan(text))
        {
            var targets = m.Targets.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            switch (m.Kind)
            {
                case "disable-next-line":
                    var line = lines.GetPosition(m.Index + m.Length).Line + 1;
                    result._lineRanges.Add((line, line, targets));
                    break;
                case "disable-line":
                    var here = lines.GetPosition(m.Index).Line;
                    result._lineRanges.Add((here, here, targets));
                    break;
                case "disable":
                    open.Add((m.Index, targets));
                    break;
                case "enable":
                    // An enable closes the regions it names; an enable with no name closes them all.
                    for (var i = open.Count - 1; i >= 0; i--)
                    {
                        if (targets.Length == 0 || open[i].Targets.Intersect(targets, StringComparer.Ordinal).Any())
                        {
                            result._regions.Add((open[i].Start, m.Index, open[i].Targets));
                            open.RemoveAt(i);
                        }
                    }

                    break;
            }
        }

        foreach (var (start, targets) in open)
        {
            result._regions.Add((start, text.Length, targets));
        }

        return result;
    }

    /// <summary>True when a directive covers <paramref name="finding"/>.</summary>
    public bool Covers(Finding finding, LineIndex lines)
    {
        if (IsEmpty)
        {
            return false;
        }

        var line = lines.GetPosition(finding.Span.Start).Line;
        foreach (var (from, to, targets) in _lineRanges)
        {
            if (line >= from && line <= to && Names(targets, finding.Rule))
            {
                return true;
            }
        }

        foreach (var (from, to, targets) in _regions)
        {
            if (finding.Span.Start >= from && finding.Span.Start < to && Names(targets, finding.Rule))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(string[] targets, RuleDescriptor rule)
    {
        if (targets.Length == 0)
        {
            return true;
        }

        foreach (var target in targets)
        {
            if (target == rule.Id || target == rule.Category.ToId()
                || (rule.Id.StartsWith(target, StringComparison.Ordinal) && rule.Id.Length > target.Length && rule.Id[target.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }
}
