using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using LspRange = Cnaemo.NoteLsp.Server.Lsp.Protocol.Range;

namespace Cnaemo.NoteLsp.Server.Lsp.Documents;

/// <summary>
/// The one place where engine values become LSP values and back: spans and ranges (UTF-16 code units, as both
/// sides count), findings and diagnostics, suggestions and text edits. Nothing else converts positions.
/// </summary>
public static class LspConversions
{
    /// <summary>The <c>source</c> of every diagnostic.</summary>
    public const string Source = "notelsp";

    /// <summary>The LSP range of a span.</summary>
    public static LspRange ToRange(TextSpan span, LineIndex lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new LspRange(ToPosition(span.Start, lines), ToPosition(span.End, lines));
    }

    /// <summary>The LSP position of an offset.</summary>
    public static Position ToPosition(int offset, LineIndex lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var position = lines.GetPosition(offset);
        return new Position(position.Line, position.Character);
    }

    /// <summary>
    /// The offset of a position, or null when the line does not exist or the column runs past the end of the
    /// line's text (its line break excluded). With <paramref name="clampColumn"/>, a column past the end means the end
    /// of the line, as LSP 3.17 says for positions: document changes use it, so that the server's copy of a text does
    /// not stop following the client's. A column inside a surrogate pair is accepted as the client sent it.
    /// </summary>
    public static int? ToOffset(Position position, string text, LineIndex lines, bool clampColumn = false)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        if (position.Line < 0 || position.Line >= lines.LineCount || position.Character < 0)
        {
            return null;
        }

        var start = lines.LineStart(position.Line);
        var end = position.Line + 1 < lines.LineCount ? lines.LineStart(position.Line + 1) : text.Length;
        while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }

        if (start + position.Character <= end)
        {
            return start + position.Character;
        }

        return clampColumn ? end : null;
    }

    /// <summary>
    /// The span of a range, or null when either end is out of the text or the range is reversed; columns past a
    /// line's end are clamped to it with <paramref name="clampColumns"/>.
    /// </summary>
    public static TextSpan? ToSpan(LspRange range, string text, LineIndex lines, bool clampColumns = false)
    {
        ArgumentNullException.ThrowIfNull(range);
        var start = ToOffset(range.Start, text, lines, clampColumns);
        var end = ToOffset(range.End, text, lines, clampColumns);
        return start is { } s && end is { } e && s <= e ? TextSpan.FromBounds(s, e) : null;
    }

    /// <summary>The LSP severity number of a severity.</summary>
    public static int ToLspSeverity(Severity severity) => severity switch
    {
        Severity.Error => 1,
        Severity.Warning => 2,
        Severity.Information => 3,
        _ => 4,
    };

    /// <summary>
    /// The diagnostic for a finding: rule id as code, first reference as link, category data. A grouped finding also
    /// carries its parts: in <c>data.parts</c> (rule, range, severity, message) and, when <paramref name="uri"/> is
    /// given, as <c>relatedInformation</c>, which editors list under the diagnostic.
    /// </summary>
    public static Diagnostic ToDiagnostic(Finding finding, LineIndex lines, string? uri = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var reference = finding.Rule.References.Count > 0 ? new CodeDescription(finding.Rule.References[0].Url) : null;
        var parts = finding.IsGrouped
            ? finding.Parts.Select(p => new DiagnosticPart(p.RuleId, ToRange(p.Span, lines), ToLspSeverity(p.Severity), p.Message)).ToList()
            : null;
        return new Diagnostic
        {
            Range = ToRange(finding.Span, lines),
            Severity = ToLspSeverity(finding.Severity),
            Code = finding.RuleId,
            CodeDescription = reference,
            Source = Source,
            Message = finding.Message,
            RelatedInformation = parts is null || uri is null
                ? null
                : [.. parts.Select(p => new DiagnosticRelatedInformation(new Location(uri, p.Range), $"[{p.RuleId}] {p.Message}"))],
            Data = new DiagnosticData(finding.Category.ToId(), FamilyId(finding.Rule.Family), finding.RuleId) { Parts = parts },
        };
    }

    /// <summary>The code of the diagnostic that stands for the findings a capped document does not show.</summary>
    public const string MoreFindingsCode = "notelsp.more-findings";

    /// <summary>
    /// The diagnostics of a document's findings, in document order. With a <paramref name="cap"/> above 0 and more
    /// findings than it, the first <paramref name="cap"/> are shown and one last information diagnostic, placed on the
    /// first finding left out, says how many more there are and which setting shows them all: a writer must never
    /// take a capped list for the whole.
    /// </summary>
    public static List<Diagnostic> ToDiagnostics(IReadOnlyList<Finding> findings, LineIndex lines, string? uri, int cap)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var shown = cap > 0 && findings.Count > cap ? cap : findings.Count;
        var diagnostics = new List<Diagnostic>(shown + 1);
        for (var i = 0; i < shown; i++)
        {
            diagnostics.Add(ToDiagnostic(findings[i], lines, uri));
        }

        if (shown < findings.Count)
        {
            var hidden = findings.Count - shown;
            var first = findings[shown].Span;
            diagnostics.Add(new Diagnostic
            {
                Range = ToRange(new TextSpan(first.Start, 0), lines),
                Severity = ToLspSeverity(Severity.Information),
                Code = MoreFindingsCode,
                Source = Source,
                Message = hidden == 1
                    ? $"1 autre constat, à partir d'ici, n'est pas affiché : le réglage « notelsp.maxDiagnosticsPerDocument » en limite l'affichage à {cap} par document (0 les affiche tous)."
                    : $"{hidden} autres constats, à partir d'ici, ne sont pas affichés : le réglage « notelsp.maxDiagnosticsPerDocument » en limite l'affichage à {cap} par document (0 les affiche tous).",
            });
        }

        return diagnostics;
    }

    /// <summary>
    /// The text edit that applies a suggestion: to its finding's span, or to the words of the part it rewrites when it
    /// comes from one part of a grouped finding.
    /// </summary>
    public static TextEdit ToTextEdit(Finding finding, Suggestion suggestion, LineIndex lines)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(suggestion);
        return new TextEdit(ToRange(suggestion.Target(finding.Span), lines), suggestion.Replacement);
    }

    /// <summary>The text edit that replaces <paramref name="span"/> by <paramref name="newText"/>.</summary>
    public static TextEdit ToTextEdit(TextSpan span, string newText, LineIndex lines) => new(ToRange(span, lines), newText);

    /// <summary>"privacy" or "dignity".</summary>
    public static string FamilyId(RuleFamily family) => family == RuleFamily.Privacy ? "privacy" : "dignity";
}
