using System.Text.Json;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>The output formats of <c>notelsp check</c>.</summary>
public static class ReportWriters
{
    /// <summary>
    /// One line per finding, <c>path:line:col: severity [rule-id] message</c>, then, for a word-processor file, the
    /// flagged words, then its suggestions; a summary ends the report. Documents are written as they come, so a large
    /// batch is never held in memory.
    /// </summary>
    /// <param name="output">Where the report goes.</param>
    /// <param name="documents">The checked documents, read once.</param>
    /// <param name="failed">The inputs that could not be read, complete once <paramref name="documents"/> is read.</param>
    /// <param name="explain">With <c>--explain</c>: each rule's explanation, advice and references, the first time it fires.</param>
    public static void WriteText(TextWriter output, IEnumerable<CheckedDocument> documents, IReadOnlyCollection<InputDocument> failed, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var explained = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        var rules = 0;
        var files = 0;
        var count = 0;
        foreach (var document in documents)
        {
            count++;
            total += document.Findings.Count;
            rules += document.Findings.Sum(f => f.RuleFindings.Count);
            files += document.Findings.Count > 0 ? 1 : 0;
            foreach (var finding in document.Findings)
            {
                var at = document.Locate(finding);
                output.WriteLine($"{document.Input.Path}:{at.Line}:{at.Column}: {finding.Severity.ToId()} [{finding.RuleId}] {finding.Message}");
                if (document.Passage(finding) is { } passage)
                {
                    output.WriteLine($"    dans {passage}");
                }

                // A grouped finding names the rules behind it, each at its own place, so that an audit can find them.
                foreach (var part in finding.Parts)
                {
                    var partAt = document.Locate(part);
                    output.WriteLine($"    · {partAt.Line}:{partAt.Column} [{part.RuleId}] « {document.Words(part.Span)} »");
                }

                foreach (var suggestion in finding.Suggestions)
                {
                    var replacement = suggestion.Replacement.Length == 0 ? suggestion.Title : suggestion.Replacement;
                    output.WriteLine(suggestion.Span is { } part
                        ? $"    → pour « {document.Words(part)} » : {replacement}"
                        : $"    → {replacement}");
                }

                if (explain)
                {
                    foreach (var rule in finding.RuleFindings.Select(f => f.Rule).Where(r => explained.Add(r.Id)))
                    {
                        WriteExplanation(output, rule);
                    }
                }
            }
        }

        if (count == 0 && failed.Count > 0)
        {
            // Nothing was read: "no finding" would tell an auditor that the files are clean.
            output.WriteLine($"Aucun document relu : {failed.Count} entrée(s) illisible(s), voir les messages d'erreur.");
            return;
        }

        output.WriteLine(total == 0
            ? $"Aucun signalement ({count} document(s) relu(s))."
            : $"{total} chose(s) à revoir dans {files} document(s) sur {count}" + (rules > total
                ? $" ({rules} règles déclenchées : celles qui relèvent le même fait sont regroupées ; --every-rule les montre une à une)."
                : "."));
        if (failed.Count > 0)
        {
            output.WriteLine($"{failed.Count} entrée(s) n'ont pas pu être relue(s), voir les messages d'erreur.");
        }
    }

    // The why of a rule, once per report: explanation and advice on one line each (the YAML wraps them), then each
    // reference with its official link.
    private static void WriteExplanation(TextWriter output, RuleDescriptor rule)
    {
        output.WriteLine($"    Pourquoi [{rule.Id}] : {OneLine(rule.Explanation)}");
        if (rule.Advice.Length > 0)
        {
            output.WriteLine($"    Conseil : {OneLine(rule.Advice)}");
        }

        foreach (var reference in rule.References)
        {
            output.WriteLine($"    Référence : {reference.Label} — {reference.Url}");
        }
    }

    /// <summary>A pack's wrapped text (explanation, advice) on one line, spaces collapsed.</summary>
    internal static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The JSON report, version 1: the checked documents in order, then the inputs that could not be read. Each
    /// document is written as soon as it comes; <paramref name="failed"/> is read once every document is written.
    /// </summary>
    public static void WriteJson(TextWriter output, IEnumerable<CheckedDocument> documents, IEnumerable<InputDocument> failed)
    {
        using var report = new JsonReportStream(output);
        var rules = new SortedDictionary<string, JsonRule>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            report.Add(document.Input.Path, document.Findings.Select(f => ToJson(document, f)), null);
            foreach (var finding in document.Findings)
            {
                foreach (var rule in finding.RuleFindings.Select(f => f.Rule).Append(finding.Rule))
                {
                    rules.TryAdd(rule.Id, ToJson(rule));
                }
            }
        }

        foreach (var input in failed)
        {
            report.Add(new JsonFileReport(input.Path, [], input.Error));
        }

        report.Finish(rules);
    }

    /// <summary>A rule's explanation and references, as the JSON report gives them once per rule.</summary>
    public static JsonRule ToJson(RuleDescriptor rule) => new(
        rule.Category.ToId(), rule.Message, rule.Explanation.Trim(), rule.Advice, [.. rule.References.Select(r => new JsonReference(r.Label, r.Url))]);

    private static List<JsonSuggestion> Details(IEnumerable<Suggestion> suggestions) =>
        [.. suggestions.Select(s => new JsonSuggestion(s.Title, s.Replacement, s.Kind switch
        {
            SuggestionKind.Mask => "mask",
            SuggestionKind.Remove => "remove",
            _ => "rephrase",
        }))];

    private static JsonFindingPart ToJsonPart(CheckedDocument document, Finding part)
    {
        var at = document.Locate(part);
        return new JsonFindingPart(part.RuleId, part.Severity.ToId(), at.Line, at.Column, at.EndLine, at.EndColumn, part.Message,
            [.. part.Suggestions.Select(s => s.Replacement)]);
    }

    /// <summary>Converts one checked document to its JSON form.</summary>
    public static JsonFileReport ToJson(CheckedDocument document) => new(
        document.Input.Path, [.. document.Findings.Select(f => ToJson(document, f))]);

    /// <summary>One finding in the JSON report's model; the audit report reuses it.</summary>
    internal static JsonFinding ToJson(CheckedDocument document, Finding f)
    {
        var at = document.Locate(f);
        return new JsonFinding(f.RuleId, f.Category.ToId(), f.Severity.ToId(), at.Line, at.Column, at.EndLine, at.EndColumn,
            f.Message, [.. f.Suggestions.Select(s => s.Replacement)])
        {
            Parts = f.IsGrouped ? [.. f.Parts.Select(p => ToJsonPart(document, p))] : null,
            SuggestionDetails = Details(f.Suggestions),
        };
    }
}
