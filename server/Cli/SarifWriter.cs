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
    /// <summary>Writes one run holding every finding and every rule that fired.</summary>
    public static void Write(TextWriter output, IReadOnlyList<CheckedDocument> documents)
    {
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
    private static string ToolVersion => typeof(SarifWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

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

            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category.ToId());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
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

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, CheckedDocument document, FindingLocation at, int? id, string? message)
    {
        json.WriteStartObject();
        if (id is { } number)
        {
            json.WriteNumber("id", number);
        }

        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", document.Input.Path.Replace('\\', '/'));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", at.Line);
        json.WriteNumber("startColumn", at.Column);
        json.WriteNumber("endLine", at.EndLine);
        json.WriteNumber("endColumn", at.EndColumn);
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
