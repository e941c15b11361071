using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// <c>--format html</c>: the audit report for a head of service or a data-protection officer. One self-contained
/// page: its style and its script are inlined, and a content security policy forbids every request, so the page can
/// be mailed or archived and opened offline. Everything is drawn here, on the server side, so the figures are the same
/// with the script turned off; the script only sorts and filters the table of findings.
/// </summary>
/// <remarks>
/// Privacy mode is the default: the page may go to people who have no right to read the records, so it names the
/// rule and the place of each finding, with an excerpt whose flagged words are masked. <c>--show-excerpts</c> shows
/// them. Every piece of text that comes from a document, a path or a rule pack is HTML-escaped.
/// </remarks>
public static partial class HtmlReport
{
    /// <summary>The content security policy of the page: no request of any kind, inline style and script only.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    // The files listed as those with the most findings.
    private const int TopFiles = 10;

    /// <summary>Reads every document, then writes the page; only the findings and their excerpts are kept meanwhile.</summary>
    public static void Write(TextWriter output, IEnumerable<CheckedDocument> documents, IEnumerable<InputDocument> failed, bool showExcerpts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(failed);
        var data = new HtmlReportData(showExcerpts);
        foreach (var document in documents)
        {
            data.Add(document);
        }

        data.Failed.AddRange(failed.Select(f => (f.Path, f.Error ?? "illisible")));
        Render(output, data, now);
    }

    /// <summary>Writes the page for <paramref name="data"/>.</summary>
    public static void Render(TextWriter output, HtmlReportData data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);
        var withFindings = data.Files.Count(f => f.Findings > 0);
        output.Write($"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Audit NoteLsp — {Date(now)}</title>
            <style>{Resource("HtmlReport.css")}</style>
            </head>
            <body>
            <header>
            <h1>Rapport d'audit des écrits</h1>
            <p class="meta">Produit le {Date(now)} par notelsp {SarifWriter.ToolVersion}, sans connexion au réseau.</p>
            {(data.ShowExcerpts
                ? "<p class=\"privacy shown\" id=\"privacy\" data-mode=\"shown\"><strong>Extraits visibles</strong> (--show-excerpts) : ce rapport cite les passages signalés. Ne le transmettez qu'aux personnes autorisées à lire les dossiers.</p>"
                : "<p class=\"privacy\" id=\"privacy\" data-mode=\"masked\"><strong>Mode confidentiel</strong> : les mots signalés sont remplacés par « ••• » et le contexte est écourté. Le rapport indique la règle et l'endroit, jamais le passage lui-même.</p>")}
            </header>
            <main>
            <section id="summary" aria-label="Chiffres clés">
            <dl class="figures">
            {Figure("documents", data.Files.Count, "documents relus")}
            {Figure("documents-with-findings", withFindings, "documents avec au moins un signalement")}
            {Figure("findings", data.Findings.Count, "signalements")}
            {Figure("rule-hits", data.RuleHits, "déclenchements de règles (les règles qui relèvent le même fait sont regroupées en un signalement)")}
            {Figure("failed", data.Failed.Count, "entrées illisibles")}
            </dl>
            </section>
            <section id="charts">
            <figure><figcaption>Signalements par catégorie <span class="legend privacy">vie privée</span><span class="legend dignity">dignité</span></figcaption>{HtmlReportCharts.ByCategory(HtmlReportData.CountBy(data.Findings, f => f.Finding.Category))}</figure>
            <figure><figcaption>Signalements selon la date de modification des fichiers</figcaption>{HtmlReportCharts.OverTime(data.Files)}</figure>
            </section>
            <section id="counts">
            <h2>Répartition</h2>
            <div class="grid">

            """);
        CountTable(output, "by-category", "Par catégorie", "Catégorie", HtmlReportData.CountBy(data.Findings, f => f.Finding.Category), HtmlReportData.CategoryLabel);
        CountTable(output, "by-rule", "Par règle", "Règle", HtmlReportData.CountBy(data.Findings, f => f.Finding.RuleId), id => id);
        CountTable(output, "by-folder", "Par dossier", "Dossier", HtmlReportData.CountBy(data.Files, f => f.Folder, f => f.Findings), id => id);
        CountTable(output, "top-files", $"Les {TopFiles} fichiers les plus signalés", "Fichier",
            [.. HtmlReportData.CountBy(data.Files, f => f.Path, f => f.Findings).Take(TopFiles)], id => id);
        output.Write("</div>\n</section>\n");
        HtmlReportTable.Write(output, data);
        WriteRules(output, data);
        WriteFailed(output, data);
        output.Write($"""
            </main>
            <footer><p>Les lignes et colonnes comptent à partir de 1 ; dans un fichier .docx ou .odt, la « ligne » est le numéro du paragraphe.</p></footer>
            <script>{Resource("HtmlReport.js")}</script>
            </body>
            </html>

            """);
    }

    private static string Figure(string id, int value, string label) =>
        $"<div><dt>{label}</dt><dd id=\"figure-{id}\" data-figure=\"{id}\">{value.ToString(CultureInfo.InvariantCulture)}</dd></div>";

    private static void CountTable(TextWriter output, string id, string title, string column, IReadOnlyList<(string Key, int Count)> counts, Func<string, string> label)
    {
        output.Write($"<div class=\"count\"><h3>{Html.Escape(title)}</h3>\n<table id=\"{id}\"><thead><tr><th scope=\"col\">{Html.Escape(column)}</th><th scope=\"col\" class=\"num\">Signalements</th></tr></thead><tbody>\n");
        foreach (var (key, count) in counts)
        {
            var text = Html.Escape(label(key));
            var cell = id == "by-rule" ? $"<a href=\"#rule-{Html.Escape(key)}\">{text}</a>" : text;
            output.Write($"<tr data-key=\"{Html.Escape(key)}\" data-count=\"{count.ToString(CultureInfo.InvariantCulture)}\"><td>{cell}</td><td class=\"num\">{count.ToString(CultureInfo.InvariantCulture)}</td></tr>\n");
        }

        if (counts.Count == 0)
        {
            output.Write("<tr><td colspan=\"2\" class=\"empty\">Aucun signalement.</td></tr>\n");
        }

        output.Write("</tbody></table></div>\n");
    }

    private static void WriteRules(TextWriter output, HtmlReportData data)
    {
        output.Write("<section id=\"rules\">\n<h2>Les règles et leurs références</h2>\n");
        if (data.Rules.Count == 0)
        {
            output.Write("<p class=\"empty\">Aucune règle n'a signalé de passage.</p>\n");
        }

        foreach (var (id, rule) in data.Rules)
        {
            output.Write($"<article class=\"rule\" id=\"rule-{Html.Escape(id)}\" data-rule=\"{Html.Escape(id)}\">\n<h3><code>{Html.Escape(id)}</code> <span class=\"category\">{Html.Escape(HtmlReportData.CategoryLabel(rule.Category))}</span></h3>\n");
            output.Write($"<p class=\"message\">{Html.Escape(rule.Message)}</p>\n");
            foreach (var paragraph in Paragraphs(rule.Explanation))
            {
                output.Write($"<p>{paragraph}</p>\n");
            }

            if (rule.Advice.Length > 0)
            {
                output.Write($"<p class=\"advice\"><strong>Conseil :</strong> {string.Join(' ', Paragraphs(rule.Advice))}</p>\n");
            }

            if (rule.References.Count > 0)
            {
                output.Write("<ul class=\"references\">\n");
                foreach (var reference in rule.References)
                {
                    // Only web links are made clickable; anything else from a custom pack stays plain text.
                    output.Write(reference.Url.StartsWith("https://", StringComparison.Ordinal) || reference.Url.StartsWith("http://", StringComparison.Ordinal)
                        ? $"<li><a href=\"{Html.Escape(reference.Url)}\" rel=\"noreferrer noopener\" target=\"_blank\">{Html.Escape(reference.Title)}</a></li>\n"
                        : $"<li>{Html.Escape(reference.Title)} — {Html.Escape(reference.Url)}</li>\n");
                }

                output.Write("</ul>\n");
            }

            output.Write("</article>\n");
        }

        output.Write("</section>\n");
    }

    private static void WriteFailed(TextWriter output, HtmlReportData data)
    {
        if (data.Failed.Count == 0)
        {
            return;
        }

        output.Write("<section id=\"failed\">\n<h2>Entrées illisibles</h2>\n<p>Ces fichiers n'ont pas été relus : le rapport ne dit rien de leur contenu.</p>\n<ul>\n");
        foreach (var (path, error) in data.Failed)
        {
            output.Write($"<li><code>{Html.Escape(path)}</code> : {Html.Escape(error)}</li>\n");
        }

        output.Write("</ul>\n</section>\n");
    }

    // A pack's markdown as escaped paragraphs: blank lines part them, emphasis and code marks are dropped.
    private static IEnumerable<string> Paragraphs(string markdown) =>
        Regex.Split(markdown.Trim(), @"\n\s*\n")
            .Select(p => Html.Escape(MarkdownMarks().Replace(ReportWriters.OneLine(p), string.Empty)))
            .Where(p => p.Length > 0);

    [GeneratedRegex(@"\*\*|`")]
    private static partial Regex MarkdownMarks();

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An embedded resource of this folder (the page's style and script), as text.</summary>
    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cnaemo.NoteLsp.Server.Cli." + name)
            ?? throw new InvalidOperationException($"ressource {name} absente de l'exécutable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
