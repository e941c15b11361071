using System.Globalization;
using System.Text;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// The two charts of the audit report, drawn as inline SVG by the project: no library, no font, nothing fetched. Each
/// bar carries its figure in a <c>data-count</c> attribute and a tooltip, so that a test can read what is drawn.
/// </summary>
public static class HtmlReportCharts
{
    private static readonly string[] Months = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    /// <summary>One horizontal bar per category, longest first; privacy and dignity in two colours.</summary>
    public static string ByCategory(IReadOnlyList<(string Key, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        const int width = 680, label = 200, row = 26, right = 60;
        var max = Math.Max(1, counts.Count == 0 ? 1 : counts.Max(c => c.Count));
        var height = Math.Max(1, counts.Count) * row + 8;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg id=\"chart-category\" class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Signalements par catégorie\">"));
        for (var i = 0; i < counts.Count; i++)
        {
            var (key, count) = counts[i];
            var y = i * row + 4;
            var length = (width - label - right) * count / (double)max;
            var family = Categories.TryParse(key, out var category) && category.Family() == RuleFamily.Dignity ? "dignity" : "privacy";
            var name = Html.Escape(HtmlReportData.CategoryLabel(key));
            svg.Append(Invariant($"<g class=\"bar {family}\" data-key=\"{Html.Escape(key)}\" data-count=\"{count}\"><title>{name} : {count}</title>"));
            svg.Append(Invariant($"<text x=\"{label - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{name}</text>"));
            svg.Append(Invariant($"<rect x=\"{label}\" y=\"{y + 2}\" width=\"{Math.Max(1, length):0.#}\" height=\"{row - 8}\" rx=\"3\"></rect>"));
            svg.Append(Invariant($"<text x=\"{label + length + 6:0.#}\" y=\"{y + 16}\">{count}</text></g>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Findings by the modification date of their files: by day over two months at most, by month over six years at
    /// most, by year beyond, every period between the first and the last shown, empty ones included.
    /// </summary>
    public static string OverTime(IReadOnlyList<AuditFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var dated = files.Where(f => f.Modified is not null).Select(f => (Date: f.Modified!.Value.UtcDateTime, f.Findings)).ToList();
        if (dated.Count == 0)
        {
            return "<p class=\"empty\">Aucune date de fichier connue (entrée standard).</p>";
        }

        var first = dated.Min(d => d.Date);
        var last = dated.Max(d => d.Date);
        var span = last - first;
        Func<DateTime, DateTime> period = span.TotalDays <= 62 ? d => d.Date
            : span.TotalDays <= 6 * 366 ? d => new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc)
            : d => new DateTime(d.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Func<DateTime, DateTime> next = span.TotalDays <= 62 ? d => d.AddDays(1) : span.TotalDays <= 6 * 366 ? d => d.AddMonths(1) : d => d.AddYears(1);
        Func<DateTime, string> name = span.TotalDays <= 62 ? d => Invariant($"{d.Day} {Months[d.Month - 1]} {d.Year}")
            : span.TotalDays <= 6 * 366 ? d => Invariant($"{Months[d.Month - 1]} {d.Year}") : d => Invariant($"{d.Year}");

        var byPeriod = dated.GroupBy(d => period(d.Date)).ToDictionary(g => g.Key, g => (Findings: g.Sum(d => d.Findings), Files: g.Count()));
        var periods = new List<DateTime>();
        for (var p = period(first); p <= period(last); p = next(p))
        {
            periods.Add(p);
        }

        const int width = 680, height = 220, left = 40, bottom = 40, top = 10;
        var max = Math.Max(1, byPeriod.Values.Max(v => v.Findings));
        var slot = (width - left - 10) / (double)periods.Count;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg id=\"chart-time\" class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Signalements selon la date des fichiers\">"));
        svg.Append(Invariant($"<line class=\"axis\" x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 10}\" y2=\"{height - bottom}\"></line>"));
        svg.Append(Invariant($"<text class=\"tick\" x=\"{left - 6}\" y=\"{top + 10}\" text-anchor=\"end\">{max}</text>"));
        svg.Append(Invariant($"<text class=\"tick\" x=\"{left - 6}\" y=\"{height - bottom}\" text-anchor=\"end\">0</text>"));
        var every = Math.Max(1, (int)Math.Ceiling(periods.Count / 8.0));
        for (var i = 0; i < periods.Count; i++)
        {
            var (findings, count) = byPeriod.GetValueOrDefault(periods[i]);
            var barHeight = (height - bottom - top) * findings / (double)max;
            var x = left + i * slot;
            var label = Html.Escape(name(periods[i]));
            svg.Append(Invariant($"<g class=\"bar\" data-key=\"{periods[i]:yyyy-MM-dd}\" data-count=\"{findings}\" data-files=\"{count}\"><title>{label} : {findings} signalement(s) dans {count} fichier(s)</title>"));
            svg.Append(Invariant($"<rect x=\"{x + slot * 0.1:0.#}\" y=\"{height - bottom - barHeight:0.#}\" width=\"{Math.Max(1, slot * 0.8):0.#}\" height=\"{barHeight:0.#}\"></rect></g>"));
            if (i % every == 0)
            {
                svg.Append(Invariant($"<text class=\"tick\" x=\"{x + slot / 2:0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\">{label}</text>"));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
