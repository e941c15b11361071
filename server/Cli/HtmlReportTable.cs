using System.Globalization;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// The table of findings of the audit report, with its filters. Each row carries its category, severity, rule and
/// file as attributes, which the page's script filters on, and each number cell its value, which it sorts on.
/// </summary>
public static class HtmlReportTable
{
    /// <summary>Writes the section: the filters, the count of rows shown, and the table.</summary>
    public static void Write(TextWriter output, HtmlReportData data)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);
        var categories = data.Findings.Select(f => f.Finding.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var severities = data.Findings.Select(f => f.Finding.Severity).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        output.Write("""
            <section id="findings">
            <h2>Les signalements</h2>
            <form id="filters" class="filters" role="search" onsubmit="return false">
            <label>Rechercher <input type="search" id="filter-text" placeholder="fichier, règle, message" autocomplete="off"></label>
            <label>Catégorie <select id="filter-category"><option value="">toutes</option>
            """);
        foreach (var category in categories)
        {
            output.Write($"<option value=\"{Html.Escape(category)}\">{Html.Escape(HtmlReportData.CategoryLabel(category))}</option>");
        }

        output.Write("</select></label>\n<label>Sévérité <select id=\"filter-severity\"><option value=\"\">toutes</option>");
        foreach (var severity in severities)
        {
            output.Write($"<option value=\"{Html.Escape(severity)}\">{Html.Escape(HtmlReportData.SeverityLabel(severity))}</option>");
        }

        var total = data.Findings.Count.ToString(CultureInfo.InvariantCulture);
        output.Write($"""
            </select></label>
            <p id="shown" aria-live="polite"><span id="shown-count">{total}</span> signalement(s) affiché(s) sur {total}</p>
            </form>
            <table id="findings-table" class="sortable">
            <thead><tr>
            <th scope="col" data-type="text"><button type="button">Fichier</button></th>
            <th scope="col" data-type="number" class="num"><button type="button">Ligne</button></th>
            <th scope="col" data-type="number" class="num"><button type="button">Col.</button></th>
            <th scope="col" data-type="text"><button type="button">Catégorie</button></th>
            <th scope="col" data-type="text"><button type="button">Règle</button></th>
            <th scope="col" data-type="text"><button type="button">Sévérité</button></th>
            <th scope="col" data-type="text"><button type="button">Message</button></th>
            <th scope="col">Extrait</th>
            </tr></thead>
            <tbody>

            """);
        foreach (var (file, finding, excerpt, message) in data.Findings)
        {
            var path = Html.Escape(file);
            var rule = Html.Escape(finding.RuleId);
            output.Write($"<tr data-file=\"{path}\" data-rule=\"{rule}\" data-category=\"{Html.Escape(finding.Category)}\" data-severity=\"{Html.Escape(finding.Severity)}\">");
            output.Write($"<td class=\"file\">{path}</td><td class=\"num\">{finding.Line.ToString(CultureInfo.InvariantCulture)}</td><td class=\"num\">{finding.Column.ToString(CultureInfo.InvariantCulture)}</td>");
            output.Write($"<td>{Html.Escape(HtmlReportData.CategoryLabel(finding.Category))}</td><td><a href=\"#rule-{rule}\"><code>{rule}</code></a></td>");
            output.Write($"<td class=\"severity {Html.Escape(finding.Severity)}\">{Html.Escape(HtmlReportData.SeverityLabel(finding.Severity))}</td>");
            output.Write($"<td>{Html.Escape(message)}</td><td class=\"excerpt\">{excerpt}</td></tr>\n");
        }

        output.Write("</tbody>\n</table>\n");
        if (data.Findings.Count == 0)
        {
            output.Write("<p class=\"empty\">Aucun signalement : les documents relus ne contiennent aucun passage que les règles relèvent.</p>\n");
        }

        output.Write("</section>\n");
    }
}
