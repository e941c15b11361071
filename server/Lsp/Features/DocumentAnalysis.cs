using System.Collections.Concurrent;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Server;

namespace Cnaemo.NoteLsp.Server.Lsp.Features;

/// <summary>The findings of one snapshot under one settings generation.</summary>
public sealed record AnalysisResult(DocumentSnapshot Snapshot, EffectiveSettings Settings, IReadOnlyList<Finding> Findings)
{
    /// <summary>The pull-diagnostics result id: it changes with the text's version and with the settings.</summary>
    public string ResultId => $"{Snapshot.Version}.{Settings.Generation}";
}

/// <summary>
/// Lints snapshots and keeps the latest result per document, so that hover, code actions, pull and push
/// diagnostics of one version share one engine run. Linting honours the caller's cancellation.
/// </summary>
public sealed class DocumentAnalysis(ServerState state)
{
    private readonly ConcurrentDictionary<string, AnalysisResult> _latest = new(StringComparer.Ordinal);

    /// <summary>The findings of <paramref name="snapshot"/> under the current settings.</summary>
    public AnalysisResult Analyse(DocumentSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var settings = state.Settings;
        if (_latest.TryGetValue(snapshot.Uri, out var cached)
            && ReferenceEquals(cached.Snapshot, snapshot)
            && cached.Settings.Generation == settings.Generation)
        {
            return cached;
        }

        var findings = settings.Engine.Lint(snapshot.Text, settings.Options with { Format = snapshot.Format }, cancellationToken);
        var result = new AnalysisResult(snapshot, settings, findings);
        _latest.AddOrUpdate(snapshot.Uri, result, (_, old) => old.Snapshot.Version > snapshot.Version ? old : result);
        return result;
    }

    /// <summary>Forgets a closed document.</summary>
    public void Forget(string uri) => _latest.TryRemove(uri, out _);
}
