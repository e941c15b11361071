using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>One finding as the audit report shows it: the JSON report's finding, its file, and its excerpt.</summary>
/// <param name="File">The path of the document, as given on the command line or found by the folder walk.</param>
/// <param name="Finding">The finding, as the JSON report writes it.</param>
/// <param name="Excerpt">The excerpt, already HTML: masked in privacy mode, with the flagged words marked otherwise.</param>
/// <param name="Message">The message shown: in privacy mode the rule's own, since a grouped finding's quotes the words.</param>
public sealed record AuditFinding(string File, JsonFinding Finding, string Excerpt, string Message);

/// <summary>One document that was read: its path, its folder, its modification date and how many findings it has.</summary>
public sealed record AuditFile(string Path, string Folder, DateTimeOffset? Modified, int Findings);

/// <summary>
/// What the audit report is drawn from, gathered as the documents come and then dropped: the findings in the JSON
/// report's model, never the documents' text beyond each finding's excerpt.
/// </summary>
public sealed class HtmlReportData
{
    private readonly bool _showExcerpts;

    /// <summary>An empty report; <paramref name="showExcerpts"/> is true with <c>--show-excerpts</c>.</summary>
    public HtmlReportData(bool showExcerpts)
    {
        _showExcerpts = showExcerpts;
    }

    /// <summary>True when the excerpts show the flagged words (<c>--show-excerpts</c>).</summary>
    public bool ShowExcerpts => _showExcerpts;

    /// <summary>Every finding, in the order of the documents, then of their place in the document.</summary>
    public List<AuditFinding> Findings { get; } = [];

    /// <summary>Every document read, in input order.</summary>
    public List<AuditFile> Files { get; } = [];

    /// <summary>Every rule behind a finding, by id, with its explanation and references.</summary>
    public SortedDictionary<string, JsonRule> Rules { get; } = new(StringComparer.Ordinal);

    /// <summary>The inputs that could not be read, with the reason.</summary>
    public List<(string Path, string Error)> Failed { get; } = [];

    /// <summary>The number of rules behind the findings, counting each rule of a grouped finding.</summary>
    public int RuleHits { get; private set; }

    /// <summary>Adds one checked document: its findings with their excerpts, and the rules behind them.</summary>
    public void Add(CheckedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var path = document.Input.Path;
        var masks = _showExcerpts ? [] : Excerpts.Masks(document.Findings);
        foreach (var finding in document.Findings)
        {
            var excerpt = _showExcerpts ? Excerpts.Shown(document, finding.Span) : Excerpts.Masked(document, finding.Span, masks);
            Findings.Add(new AuditFinding(path, ReportWriters.ToJson(document, finding), excerpt, _showExcerpts ? finding.Message : MaskedMessage(finding)));
            RuleHits += finding.RuleFindings.Count;
            foreach (var rule in finding.RuleFindings.Select(f => f.Rule).Append(finding.Rule))
            {
                Rules.TryAdd(rule.Id, ReportWriters.ToJson(rule));
            }
        }

        Files.Add(new AuditFile(path, FolderOf(path), document.Input.Modified, document.Findings.Count));
    }

    // A message that names no flagged word: a grouped finding's own message quotes the words of its parts.
    private static string MaskedMessage(Finding finding) => finding.IsGrouped
        ? $"{finding.Category.GroupTitle()} : {finding.Parts.Count} passages relevés ({string.Join(", ", finding.Parts.Select(p => p.RuleId).Distinct(StringComparer.Ordinal))})."
        : finding.Rule.Message;

    /// <summary>The folder of a path as the report groups it: its parent, or « . » for a file given by its name alone.</summary>
    public static string FolderOf(string path) =>
        path == "-" ? "(entrée standard)" : System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder ? folder : ".";

    /// <summary>How many findings fall under each key, most first, then by key.</summary>
    public static List<(string Key, int Count)> CountBy<T>(IEnumerable<T> items, Func<T, string> key, Func<T, int>? weight = null) =>
        [.. items.GroupBy(key, StringComparer.Ordinal)
            .Select(g => (g.Key, weight is null ? g.Count() : g.Sum(weight)))
            .Where(c => c.Item2 > 0)
            .OrderByDescending(c => c.Item2).ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>The French label of a category id, or the id itself when it is not one of the built-in categories.</summary>
    public static string CategoryLabel(string id) => Categories.TryParse(id, out var category) ? category.FrenchLabel() : id;

    /// <summary>The French name of a severity id.</summary>
    public static string SeverityLabel(string id) => id switch
    {
        "error" => "erreur",
        "warning" => "avertissement",
        "information" => "information",
        "hint" => "suggestion",
        _ => id,
    };
}
