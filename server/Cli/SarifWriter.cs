using System.Text;
using System.Text.Json;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// Writes SARIF 2.1.0 with <see cref="Utf8JsonWriter"/>, so no reflection is needed. Columns are declared as
/// UTF-16 code units, which is what the engine counts.
/// </summary>
public static class SarifWriter
{
    /// <summary>
    /// Writes one run holding every finding and every rule that fired, and the invocation, whose notifications name
    /// each input that could not be read (an audit must show what it did not see).
    /// </summary>
    public static void Write(TextWriter output, IReadOnlyList<CheckedDocument> documents, IReadOnlyList<InputDocument> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var rules = documents.SelectMany(d => d.Findings).Select(f => f.Rule)
            .DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            WriteInvocation(json, failed);
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            foreach (var document in documents)
            {
                foreach (var finding in document.Findings)
                {
                    WriteResult(json, document, finding, ruleIndex[finding.RuleId]);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The version of the manifest, which the build writes into the assembly (Directory.Build.props).</summary>
    internal static string ToolVersion => typeof(SarifWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static void WriteTool(Utf8JsonWriter json, List<RuleDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "notelsp");
        json.WriteString("version", ToolVersion);
        json.WriteString("semanticVersion", ToolVersion);
        json.WriteString("informationUri", "https://github.com/cnaemo/notelsp");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Message);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Explanation);
            json.WriteEndObject();
            if (rule.References.Count > 0)
            {
                json.WriteString("helpUri", rule.References[0].Url);
            }

            WriteHelp(json, rule);

            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category.ToId());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // The rule's help (SARIF 3.49.13): why it matters, what to write instead, and the references with their links.
    private static void WriteHelp(Utf8JsonWriter json, RuleDescriptor rule)
    {
        var explanation = ReportWriters.OneLine(rule.Explanation);
        var advice = ReportWriters.OneLine(rule.Advice);
        var text = new StringBuilder(explanation);
        var markdown = new StringBuilder("**Pourquoi.** ").Append(explanation);
        if (advice.Length > 0)
        {
            text.Append(' ').Append(advice);
            markdown.Append("\n\n**Conseil.** ").Append(advice);
        }

        if (rule.References.Count > 0)
        {
            markdown.Append("\n\n**Références**\n");
            foreach (var reference in rule.References)
            {
                text.Append(" Référence : ").Append(reference.Label).Append(" (").Append(reference.Url).Append(").");
                markdown.Append("\n- [").Append(reference.Label.Replace("]", "\\]", StringComparison.Ordinal)).Append("](").Append(reference.Url).Append(')');
            }
        }

        json.WriteStartObject("help");
        json.WriteString("text", text.ToString());
        json.WriteString("markdown", markdown.ToString());
        json.WriteEndObject();
    }

    // One invocation (SARIF 3.20): it succeeded when every input was read; each unreadable input is an error
    // notification naming the file and why.
    private static void WriteInvocation(Utf8JsonWriter json, IReadOnlyList<InputDocument> failed)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", failed.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var input in failed)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", $"{input.Path} : {input.Error}");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            WriteArtifactLocation(json, input.Path);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, CheckedDocument document, Finding finding, int ruleIndex)
    {
        var at = document.Locate(finding);
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        });
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        WriteLocation(json, document, at, id: null, message: null);
        json.WriteEndArray();
        if (finding.IsGrouped)
        {
            // A grouped finding's parts are the rules that matched, each at its own words (SARIF 3.27.22).
            json.WriteStartArray("relatedLocations");
            for (var i = 0; i < finding.Parts.Count; i++)
            {
                var part = finding.Parts[i];
                WriteLocation(json, document, document.Locate(part), i, $"[{part.RuleId}] {part.Message}");
            }

            json.WriteEndArray();
        }

        WriteFixes(json, document, finding, at);
        json.WriteEndObject();
    }

    // Only the mechanical suggestions (masks) are fixes a tool may apply (SARIF 3.55); rephrasings stay suggestions
    // that a person chooses, in the editor.
    private static void WriteFixes(Utf8JsonWriter json, CheckedDocument document, Finding finding, FindingLocation at)
    {
        var masks = finding.Suggestions.Where(s => s.Kind == SuggestionKind.Mask).ToList();
        if (masks.Count == 0)
        {
            return;
        }

        json.WriteStartArray("fixes");
        foreach (var mask in masks)
        {
            var region = mask.Span is { } part ? document.Locate(part) : at;
            json.WriteStartObject();
            json.WriteStartObject("description");
            json.WriteString("text", mask.Title);
            json.WriteEndObject();
            json.WriteStartArray("artifactChanges");
            json.WriteStartObject();
            WriteArtifactLocation(json, document.Input.Path);
            json.WriteStartArray("replacements");
            json.WriteStartObject();
            json.WriteStartObject("deletedRegion");
            WriteRegion(json, region);
            json.WriteEndObject();
            json.WriteStartObject("insertedContent");
            json.WriteString("text", mask.Replacement);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // A file as SARIF names it: its path as given, with forward slashes (SARIF 3.4.3).
    private static void WriteArtifactLocation(Utf8JsonWriter json, string path)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", path.Replace('\\', '/'));
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, FindingLocation at)
    {
        json.WriteNumber("startLine", at.Line);
        json.WriteNumber("startColumn", at.Column);
        json.WriteNumber("endLine", at.EndLine);
        json.WriteNumber("endColumn", at.EndColumn);
    }

    private static void WriteLocation(Utf8JsonWriter json, CheckedDocument document, FindingLocation at, int? id, string? message)
    {
        json.WriteStartObject();
        if (id is { } number)
        {
            json.WriteNumber("id", number);
        }

        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, document.Input.Path);
        json.WriteStartObject("region");
        WriteRegion(json, at);
        json.WriteEndObject();
        json.WriteEndObject();
        if (message is not null)
        {
            json.WriteStartObject("message");
            json.WriteString("text", message);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
