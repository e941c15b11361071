using System.Text.Json;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>
/// The code actions for a range: rephrasings (best one preferred), mask, pseudonymise (edit deferred to
/// <c>codeAction/resolve</c>), ignore here, disable for the workspace, and the mechanical fix-all.
/// </summary>
public static class CodeActionBuilder
{
    /// <summary>The quick-fix kind.</summary>
    public const string QuickFix = "quickfix";

    /// <summary>The fix-all kind: masks only, never rewording.</summary>
    public const string FixAll = "source.fixAll.notelsp";

    /// <summary>Builds the actions for the findings of <paramref name="analysis"/> that touch <paramref name="range"/>.</summary>
    public static List<CodeAction> Build(AnalysisResult analysis, TextSpan range, IReadOnlyList<string>? only)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var snapshot = analysis.Snapshot;
        var actions = new List<CodeAction>();
        var touched = analysis.Findings.Where(f => f.Span.Overlaps(range) || range.Overlaps(f.Span) || (range.Length == 0 && f.Span.End == range.Start)).ToList();

        if (Wants(only, QuickFix))
        {
            foreach (var finding in touched)
            {
                actions.AddRange(ForFinding(snapshot, finding));
            }

            if (PseudonymiseAction(snapshot, touched, range) is { } pseudonymise)
            {
                actions.Add(pseudonymise);
            }
        }

        // Fix-all is a source action: offered only when the client asks for source actions (on save, or from its
        // "source action" menu), never mixed into the quick fixes of a diagnostic.
        if (only is { Count: > 0 } && Wants(only, FixAll) && FixAllAction(analysis) is { } fixAll)
        {
            actions.Add(fixAll);
        }

        return actions;
    }

    /// <summary>The mask edits of every identifier finding in the document, in order.</summary>
    public static List<TextEdit> MaskEdits(AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var edits = new List<TextEdit>();
        var lastEnd = -1;
        foreach (var finding in analysis.Findings)
        {
            if (finding.Span.Start < lastEnd || finding.Suggestions.FirstOrDefault(s => s.Kind == SuggestionKind.Mask) is not { } mask)
            {
                continue;
            }

            edits.Add(LspConversions.ToTextEdit(finding, mask, analysis.Snapshot.Lines));
            lastEnd = finding.Span.End;
        }

        return edits;
    }

    private static IEnumerable<CodeAction> ForFinding(DocumentSnapshot snapshot, Finding finding)
    {
        var diagnostic = LspConversions.ToDiagnostic(finding, snapshot.Lines);
        var first = true;
        foreach (var suggestion in finding.Suggestions.Where(s => s.Kind == SuggestionKind.Rephrase))
        {
            yield return new CodeAction
            {
                // The menu shows the wording the user will get, so the choice is made on the result itself.
                Title = $"Reformuler : « {suggestion.Replacement} »",
                Kind = QuickFix,
                Diagnostics = [diagnostic],
                IsPreferred = first ? true : null,
                Edit = SingleEdit(snapshot.Uri, LspConversions.ToTextEdit(finding, suggestion, snapshot.Lines)),
            };
            first = false;
        }

        if (finding.Suggestions.FirstOrDefault(s => s.Kind == SuggestionKind.Mask) is { } mask)
        {
            yield return new CodeAction
            {
                Title = "Masquer cet identifiant",
                Kind = QuickFix,
                Diagnostics = [diagnostic],
                IsPreferred = first ? true : null,
                Edit = SingleEdit(snapshot.Uri, LspConversions.ToTextEdit(finding, mask, snapshot.Lines)),
            };
        }

        if (finding.Suggestions.FirstOrDefault(s => s.Kind == SuggestionKind.Remove) is { } remove)
        {
            yield return new CodeAction
            {
                Title = "Supprimer ce passage",
                Kind = QuickFix,
                Diagnostics = [diagnostic],
                Edit = SingleEdit(snapshot.Uri, LspConversions.ToTextEdit(finding, remove, snapshot.Lines)),
            };
        }

        yield return new CodeAction
        {
            Title = "Ignorer ici (commentaire)",
            Kind = QuickFix,
            Diagnostics = [diagnostic],
            Edit = SingleEdit(snapshot.Uri, IgnoreCommentEdit(snapshot, finding)),
        };

        yield return new CodeAction
        {
            Title = $"Désactiver la règle {finding.RuleId} pour l'espace de travail",
            Kind = QuickFix,
            Diagnostics = [diagnostic],
            Command = new Command(
                $"Désactiver la règle {finding.RuleId} pour l'espace de travail",
                LspCommands.DisableRuleInWorkspace,
                [JsonSerializer.SerializeToElement(finding.RuleId, LspJsonContext.Wire.String)]),
        };
    }

    /// <summary>Inserts a suppression comment on its own line above the finding's line, with the same indentation.</summary>
    public static TextEdit IgnoreCommentEdit(DocumentSnapshot snapshot, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(finding);
        var line = snapshot.Lines.GetPosition(finding.Span.Start).Line;
        var lineStart = snapshot.Lines.LineStart(line);
        var indent = 0;
        while (lineStart + indent < snapshot.Text.Length && snapshot.Text[lineStart + indent] is ' ' or '\t')
        {
            indent++;
        }

        var comment = snapshot.Format == DocumentFormat.Markdown
            ? $"<!-- notelsp-disable-next-line {finding.RuleId} -->"
            : $"// notelsp-disable-next-line {finding.RuleId}";
        var newline = snapshot.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return new TextEdit(
            new Protocol.Range(new Position(line, 0), new Position(line, 0)),
            snapshot.Text.Substring(lineStart, indent) + comment + newline);
    }

    private static CodeAction? PseudonymiseAction(DocumentSnapshot snapshot, List<Finding> touched, TextSpan range)
    {
        var candidates = touched.Select(f => f.Span.Start).Prepend(range.Start);
        foreach (var offset in candidates)
        {
            if (NameFinder.At(snapshot.Text, offset) is { } name)
            {
                return new CodeAction
                {
                    Title = $"Pseudonymiser « {name.Name} » dans tout le document",
                    Kind = QuickFix,
                    Data = new CodeActionData("pseudonymise", snapshot.Uri, snapshot.Version, name.Name, null),
                };
            }
        }

        return null;
    }

    private static CodeAction? FixAllAction(AnalysisResult analysis)
    {
        var edits = MaskEdits(analysis);
        return edits.Count == 0
            ? null
            : new CodeAction
            {
                Title = $"Masquer les identifiants du document ({edits.Count})",
                Kind = FixAll,
                Edit = new WorkspaceEdit { Changes = new() { [analysis.Snapshot.Uri] = edits } },
            };
    }

    private static WorkspaceEdit SingleEdit(string uri, TextEdit edit) => new() { Changes = new() { [uri] = [edit] } };

    /// <summary>True when <paramref name="kind"/> is requested: no filter, the kind itself, or a parent kind.</summary>
    public static bool Wants(IReadOnlyList<string>? only, string kind) =>
        only is null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));
}
