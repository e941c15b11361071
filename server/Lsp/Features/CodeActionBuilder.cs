using System.Text.Json;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
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
            // A grouped finding may hold several masks, one per part: each masks its own words. Edits must not overlap,
            // so a mask that starts inside the previous one is left for the next run.
            foreach (var mask in finding.Suggestions.Where(s => s.Kind == SuggestionKind.Mask).OrderBy(s => s.Target(finding.Span).Start))
            {
                var target = mask.Target(finding.Span);
                if (target.Start < lastEnd)
                {
                    continue;
                }

                edits.Add(LspConversions.ToTextEdit(finding, mask, analysis.Snapshot.Lines));
                lastEnd = target.End;
                if (!finding.IsGrouped)
                {
                    break;
                }
            }
        }

        return edits;
    }

    private static IEnumerable<CodeAction> ForFinding(DocumentSnapshot snapshot, Finding finding)
    {
        var diagnostic = LspConversions.ToDiagnostic(finding, snapshot.Lines, snapshot.Uri);
        var first = true;
        foreach (var suggestion in finding.Suggestions.Where(s => s.Kind == SuggestionKind.Rephrase))
        {
            yield return new CodeAction
            {
                // The menu shows the wording the user will get, so the choice is made on the result itself. A part's
                // rewrite names the words it replaces, since it leaves the rest of the grouped finding as it is.
                Title = $"Reformuler{For(snapshot, suggestion)} : « {suggestion.Replacement} »",
                Kind = QuickFix,
                Diagnostics = [diagnostic],
                IsPreferred = first ? true : null,
                Edit = SingleEdit(snapshot.Uri, LspConversions.ToTextEdit(finding, suggestion, snapshot.Lines)),
            };
            first = false;
        }

        foreach (var mask in OnePerTarget(finding, SuggestionKind.Mask))
        {
            yield return new CodeAction
            {
                Title = $"Masquer cet identifiant{For(snapshot, mask)}",
                Kind = QuickFix,
                Diagnostics = [diagnostic],
                IsPreferred = first ? true : null,
                Edit = SingleEdit(snapshot.Uri, LspConversions.ToTextEdit(finding, mask, snapshot.Lines)),
            };
            first = false;
        }

        foreach (var remove in OnePerTarget(finding, SuggestionKind.Remove))
        {
            yield return new CodeAction
            {
                Title = $"Supprimer ce passage{For(snapshot, remove)}",
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

        foreach (var ruleId in finding.RuleFindings.Select(p => p.RuleId).Distinct(StringComparer.Ordinal))
        {
            yield return new CodeAction
            {
                Title = $"Désactiver la règle {ruleId} pour l'espace de travail",
                Kind = QuickFix,
                Diagnostics = [diagnostic],
                Command = new Command(
                    $"Désactiver la règle {ruleId} pour l'espace de travail",
                    LspCommands.DisableRuleInWorkspace,
                    [JsonSerializer.SerializeToElement(ruleId, LspJsonContext.Wire.String)]),
            };
        }
    }

    // The first suggestion of a kind for each span it replaces: one mask per identifier of a grouped finding.
    private static IEnumerable<Suggestion> OnePerTarget(Finding finding, SuggestionKind kind) =>
        finding.Suggestions.Where(s => s.Kind == kind).DistinctBy(s => s.Span);

    // " « words »" for a suggestion that replaces one part's words only, nothing for one that replaces the whole span.
    private static string For(DocumentSnapshot snapshot, Suggestion suggestion)
    {
        if (suggestion.Span is not { } span)
        {
            return string.Empty;
        }

        var words = string.Join(' ', snapshot.Text.Substring(span.Start, span.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return $" « {(words.Length <= 40 ? words : string.Concat(words.AsSpan(0, 40).TrimEnd(), "…"))} »";
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

        // A grouped finding is silenced by naming every rule behind it; a directive takes several names.
        var comment = Rules.Engine.Suppressions.NextLineDirective(snapshot.Format, finding.RuleFindings.Select(p => p.RuleId));
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
