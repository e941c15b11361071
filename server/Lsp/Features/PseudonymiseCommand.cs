using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Server;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>Replaces every occurrence of a name in a document by initials or by the role the user chose.</summary>
public sealed class PseudonymiseCommand(ServerState state)
{
    /// <summary>The replacement for <paramref name="name"/>: the explicit one, else initials or the configured role.</summary>
    public string ReplacementFor(string name, string? explicitReplacement)
    {
        if (!string.IsNullOrWhiteSpace(explicitReplacement))
        {
            return explicitReplacement;
        }

        var settings = state.Settings;
        if (settings.PseudonymStyle == PseudonymStyle.Role)
        {
            // Without a configured role, a visible placeholder asks the writer to choose one.
            return settings.Roles.TryGetValue(name, out var role) ? role : "[rôle]";
        }

        return Pseudonymiser.Initials(name);
    }

    /// <summary>The edit replacing every occurrence, and how many there are.</summary>
    public (WorkspaceEdit Edit, int Count) BuildEdit(DocumentSnapshot snapshot, string name, string? explicitReplacement)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var replacement = ReplacementFor(name, explicitReplacement);
        var edits = Pseudonymiser.FindOccurrences(snapshot.Text, name)
            .Select(span => LspConversions.ToTextEdit(span, replacement, snapshot.Lines))
            .ToList();
        return (new WorkspaceEdit { Changes = new() { [snapshot.Uri] = edits } }, edits.Count);
    }
}
