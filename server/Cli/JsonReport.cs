using System.Text.Json.Serialization;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>The JSON report, version 1. Field names are a contract: tools such as score-corpus read them.</summary>
public sealed record JsonReport(int Version, IReadOnlyList<JsonFileReport> Files);

/// <summary>The findings of one input, or the error that kept it from being checked.</summary>
public sealed record JsonFileReport(
    string Path,
    IReadOnlyList<JsonFinding> Findings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

/// <summary>One finding. Lines and columns are 1-based; columns count UTF-16 code units.</summary>
public sealed record JsonFinding(
    string RuleId,
    string Category,
    string Severity,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>
    /// For a grouped finding (one fact that several rules of its category flagged), each rule's own finding; absent
    /// otherwise, and always absent with <c>--every-rule</c>. The finding's <c>suggestions</c> then include the parts'.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonFindingPart>? Parts { get; init; }
}

/// <summary>One rule's finding inside a grouped finding; its suggestions replace its own words only.</summary>
public sealed record JsonFindingPart(
    string RuleId,
    string Severity,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    IReadOnlyList<string> Suggestions);

/// <summary>Source-generated serialisation, so the report needs no reflection (NativeAOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
public sealed partial class JsonReportContext : JsonSerializerContext
{
    /// <summary>
    /// The context used for output: French accents and apostrophes are written as they are, which keeps the report
    /// readable. The report is never embedded in HTML, so the relaxed escaping is safe here.
    /// </summary>
    public static JsonReportContext Readable { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    });
}

/// <summary>Where a finding stands in a document, 1-based, in UTF-16 columns.</summary>
public readonly record struct FindingLocation(int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The 1-based location of <paramref name="span"/>.</summary>
    public static FindingLocation Of(TextSpan span, LineIndex lines)
    {
        var start = lines.GetPosition(span.Start);
        var end = lines.GetPosition(span.End);
        return new FindingLocation(start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1);
    }
}
