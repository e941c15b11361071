using System.Text.Json;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>The output formats of <c>notelsp check</c>.</summary>
public static class ReportWriters
{
    /// <summary>
    /// One line per finding, <c>path:line:col: severity [rule-id] message</c>, then, for a word-processor file, the
    /// flagged words, then its suggestions.
    /// </summary>
    public static void WriteText(TextWriter output, IReadOnlyList<CheckedDocument> documents)
    {
        foreach (var document in documents)
        {
            foreach (var finding in document.Findings)
            {
                var at = document.Locate(finding);
                output.WriteLine($"{document.Input.Path}:{at.Line}:{at.Column}: {finding.Severity.ToId()} [{finding.RuleId}] {finding.Message}");
                if (document.Passage(finding) is { } passage)
                {
                    output.WriteLine($"    dans {passage}");
                }

                foreach (var suggestion in finding.Suggestions)
                {
                    output.WriteLine(suggestion.Replacement.Length == 0
                        ? $"    → {suggestion.Title}"
                        : $"    → {suggestion.Replacement}");
                }
            }
        }

        var total = documents.Sum(d => d.Findings.Count);
        var files = documents.Count(d => d.Findings.Count > 0);
        output.WriteLine(total == 0
            ? $"Aucun signalement ({documents.Count} document(s) relu(s))."
            : $"{total} signalement(s) dans {files} document(s) sur {documents.Count}.");
    }

    /// <summary>The JSON report, version 1.</summary>
    public static void WriteJson(TextWriter output, IReadOnlyList<CheckedDocument> documents, IEnumerable<InputDocument> failed)
    {
        var files = documents.Select(ToJson)
            .Concat(failed.Select(f => new JsonFileReport(f.Path, [], f.Error)))
            .ToList();
        output.WriteLine(JsonSerializer.Serialize(new JsonReport(1, files), JsonReportContext.Readable.JsonReport));
    }

    /// <summary>Converts one checked document to its JSON form.</summary>
    public static JsonFileReport ToJson(CheckedDocument document) => new(
        document.Input.Path,
        [.. document.Findings.Select(f =>
        {
            var at = document.Locate(f);
            return new JsonFinding(f.RuleId, f.Category.ToId(), f.Severity.ToId(), at.Line, at.Column, at.EndLine, at.EndColumn,
                f.Message, [.. f.Suggestions.Select(s => s.Replacement)]);
        })]);
}
