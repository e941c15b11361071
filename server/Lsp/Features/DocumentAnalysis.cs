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
/// diagnostics of one version share one engine run. Each document has an <see cref="IncrementalLinter"/> that
/// re-lints only the paragraphs that changed. Linting honours the caller's cancellation.
/// </summary>
public sealed class DocumentAnalysis(ServerState state)
{
    private readonly ConcurrentDictionary<string, AnalysisResult> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IncrementalLinter> _linters = new(StringComparer.Ordinal);

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

        var linter = _linters.GetOrAdd(snapshot.Uri, _ => new IncrementalLinter());
        var findings = linter.Lint(settings.Engine, snapshot.Text, OptionsFor(settings, snapshot.Format), cancellationToken);
        var result = new AnalysisResult(snapshot, settings, findings);
        _latest.AddOrUpdate(snapshot.Uri, result, (_, old) => old.Snapshot.Version > snapshot.Version ? old : result);
        return result;
    }

    /// <summary>Forgets a closed document.</summary>
    public void Forget(string uri)
    {
        _latest.TryRemove(uri, out _);
        _linters.TryRemove(uri, out _);
    }

    /// <summary>
    /// The lint options of a settings generation for one format, built once so that the block cache, which keys
    /// on the options instance, survives from one keystroke to the next.
    /// </summary>
    private static LintOptions OptionsFor(EffectiveSettings settings, DocumentFormat format) =>
        format == DocumentFormat.Markdown ? settings.MarkdownOptions : settings.PlainTextOptions;
}
