using System.Text.Json;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Handlers;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>Runs the <c>workspace/executeCommand</c> commands of the contract.</summary>
public sealed class CommandRunner(
    DocumentStore documents,
    DocumentAnalysis analysis,
    ServerState state,
    LspClient client,
    PseudonymiseCommand pseudonymise,
    ILogger<CommandRunner> logger)
{
    /// <summary>Runs a command; returns its JSON result.</summary>
    public async Task<JsonElement> RunAsync(string command, IReadOnlyList<JsonElement> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        switch (command)
        {
            case LspCommands.MaskAllIdentifiers:
                {
                    var result = analysis.Analyse(DocumentLookup.Require(documents, StringArgument(arguments, 0, command)), cancellationToken);
                    var edits = CodeActionBuilder.MaskEdits(result);
                    var applied = edits.Count > 0 && await client.ApplyEditAsync(
                        "Masquer les identifiants", new WorkspaceEdit { Changes = new() { [result.Snapshot.Uri] = edits } }, cancellationToken).ConfigureAwait(false);
                    return JsonSerializer.SerializeToElement(new MaskResult(applied ? edits.Count : 0), LspJsonContext.Wire.MaskResult);
                }

            case LspCommands.Pseudonymise:
                {
                    var snapshot = DocumentLookup.Require(documents, StringArgument(arguments, 0, command));
                    var name = StringArgument(arguments, 1, command);
                    var replacement = arguments.Count > 2 && arguments[2].ValueKind == JsonValueKind.String ? arguments[2].GetString() : null;
                    var (edit, count) = pseudonymise.BuildEdit(snapshot, name, replacement);
                    var applied = count > 0 && await client.ApplyEditAsync("Pseudonymiser", edit, cancellationToken).ConfigureAwait(false);
                    return JsonSerializer.SerializeToElement(new PseudonymiseResult(applied ? count : 0), LspJsonContext.Wire.PseudonymiseResult);
                }

            case LspCommands.DocumentSummary:
                return JsonSerializer.SerializeToElement(
                    Summarise(analysis.Analyse(DocumentLookup.Require(documents, StringArgument(arguments, 0, command)), cancellationToken)),
                    LspJsonContext.Wire.DocumentSummary);

            case LspCommands.DisableRuleInWorkspace:
                return JsonSerializer.SerializeToElement(
                    await DisableRuleAsync(StringArgument(arguments, 0, command), cancellationToken).ConfigureAwait(false),
                    LspJsonContext.Wire.DisableRuleResult);

            case LspCommands.ListRules:
                return JsonSerializer.SerializeToElement(
                    state.Settings.Engine.Catalog.Rules
                        .Select(r => new RuleSummary(r.Id, r.Category.ToId(), LspConversions.FamilyId(r.Family), r.DefaultSeverity.ToId(), r.Message))
                        .ToList(),
                    LspJsonContext.Wire.ListRuleSummary);

            default:
                throw LspErrors.Create(LspErrors.InvalidParams, $"Commande inconnue : {command}.");
        }
    }

    /// <summary>Counts and findings, with messages and ranges only: no document text.</summary>
    public static DocumentSummary Summarise(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = result.Snapshot.Lines;
        var findings = result.Findings
            .Select(f => new SummaryFinding(f.RuleId, f.Category.ToId(), LspConversions.FamilyId(f.Rule.Family), f.Severity.ToId(), f.Message, LspConversions.ToRange(f.Span, lines)))
            .ToList();
        var byCategory = result.Findings.GroupBy(f => f.Category.ToId()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var counts = new FamilyCounts(
            result.Findings.Count(f => f.Rule.Family == RuleFamily.Privacy),
            result.Findings.Count(f => f.Rule.Family == RuleFamily.Dignity));
        return new DocumentSummary(result.Snapshot.Uri, result.Snapshot.Version, counts, byCategory, findings);
    }

    private async Task<DisableRuleResult> DisableRuleAsync(string ruleId, CancellationToken cancellationToken)
    {
        if (!state.Settings.Engine.Catalog.Rules.Any(r => Rules.Engine.RuleSelector.Matches(r, ruleId)))
        {
            throw LspErrors.Create(LspErrors.InvalidParams, $"Règle inconnue : {ruleId}.");
        }

        WorkspaceFileSettings file;
        string existing;
        try
        {
            (file, existing) = state.DisableInWorkspace(ruleId);
        }
        catch (Exception e) when (e is Io.GuardedFileException or JsonException or IOException or UnauthorizedAccessException)
        {
            // The file as it is now cannot be read safely: writing over it could lose what the user wrote.
            logger.LogWarning("{File} non modifié : il n'a pas pu être relu ({Error}).", WorkspaceSettingsFile.FileName, e.GetType().Name);
            throw LspErrors.Create(
                LspErrors.RequestFailed,
                e is JsonException
                    ? $"{WorkspaceSettingsFile.FileName} n'est pas un JSON valide : corrigez-le avant de désactiver une règle depuis l'éditeur."
                    : $"{WorkspaceSettingsFile.FileName} n'a pas pu être relu ({e.Message}) : il n'est pas modifié.");
        }

        if (state.WorkspaceRoot is not { } root)
        {
            logger.LogInformation("Règle {Rule} désactivée pour cette session (pas de dossier d'espace de travail).", ruleId);
            return new DisableRuleResult(ruleId, false);
        }

        var path = Path.Combine(root, WorkspaceSettingsFile.FileName);
        var uri = Io.FileUri.FromLocalPath(path);

        // The edit replaces the text just read, not a copy from the start of the session (issue #14).
        var newText = WorkspaceSettingsFile.Serialize(file);
        var endLines = new Rules.Text.LineIndex(existing);
        var edit = new WorkspaceEdit
        {
            DocumentChanges =
            [
                JsonSerializer.SerializeToElement(new CreateFile(uri, new CreateFileOptions(Overwrite: false, IgnoreIfExists: true)), LspJsonContext.Wire.CreateFile),
                JsonSerializer.SerializeToElement(
                    new TextDocumentEdit(
                        new OptionalVersionedTextDocumentIdentifier(uri, null),
                        [new TextEdit(new Protocol.Range(new Position(0, 0), LspConversions.ToPosition(existing.Length, endLines)), newText)]),
                    LspJsonContext.Wire.TextDocumentEdit),
            ],
        };
        var applied = await client.ApplyEditAsync($"Désactiver {ruleId}", edit, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Règle {Rule} désactivée pour l'espace de travail ({Result}).", ruleId, applied ? "fichier mis à jour" : "le client n'a pas appliqué la modification");
        return new DisableRuleResult(ruleId, applied);
    }

    private static string StringArgument(IReadOnlyList<JsonElement> arguments, int index, string command) =>
        index < arguments.Count && arguments[index].ValueKind == JsonValueKind.String && arguments[index].GetString() is { Length: > 0 } value
            ? value
            : throw LspErrors.Create(LspErrors.InvalidParams, $"{command} : argument {index + 1} manquant ou invalide.");
}
