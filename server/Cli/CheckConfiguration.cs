using System.Text.Json;
using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Io;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// The rules a <c>check</c> run applies to each document (issue #16): the <c>.notelsp.json</c> that the editor reads,
/// then the command line's <c>--disable</c> and <c>--severity</c> on top. The file is the one given by <c>--config</c>,
/// or else the nearest one in the document's folder or a parent of it, so that a rule switched off for a folder in the
/// editor is switched off in an audit of that folder too. <c>--no-config</c> reads none.
/// </summary>
public sealed class CheckConfiguration
{
    private readonly RuleCatalog _catalog;
    private readonly LintOptions _commandLine;
    private readonly IReadOnlyList<string> _disable;
    private readonly IReadOnlyList<KeyValuePair<string, Severity>> _severities;
    private readonly WorkspaceFileSettings? _fixed;
    private readonly bool _discover;
    private readonly bool _everyRule;
    private readonly TextWriter _stderr;
    private readonly Dictionary<string, (string? File, LintOptions Options)> _byFolder = new(GuardedFile.PathComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);

    // With --quiet, the configuration files read are not announced; their errors still are.
    private bool _quiet;

    private CheckConfiguration(
        RuleCatalog catalog, IReadOnlyList<string> disable, IReadOnlyList<KeyValuePair<string, Severity>> severities,
        WorkspaceFileSettings? fixedFile, bool discover, bool everyRule, TextWriter stderr)
    {
        _everyRule = everyRule;
        _catalog = catalog;
        _disable = disable;
        _severities = severities;
        _fixed = fixedFile;
        _discover = discover;
        _stderr = stderr;
        _commandLine = RuleSelector.Apply(LintOptions.Default, catalog, disable, severities) with { GroupFindings = !everyRule };
    }

    /// <summary>True when a configuration file could not be used; the run then exits with 2.</summary>
    public bool HadError { get; private set; }

    /// <summary>
    /// The configuration of a run, or null after a usage error written to <paramref name="stderr"/>: a name that
    /// designates no rule, a severity that does not exist, or a <c>--config</c> file that cannot be read.
    /// </summary>
    public static CheckConfiguration? Create(
        RuleCatalog catalog, IReadOnlyList<string> disable, IReadOnlyList<string> severity, string? configFile, bool noConfig, TextWriter stderr,
        bool everyRule = false, bool quiet = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stderr);
        var severities = new List<KeyValuePair<string, Severity>>();
        foreach (var entry in RuleSelector.Split(severity))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !Severities.TryParse(entry[(equals + 1)..].Trim(), out var level))
            {
                stderr.WriteLine($"notelsp : --severity attend RÈGLE=NIVEAU, avec un niveau parmi error, warning, information, hint (reçu « {entry} »).");
                return null;
            }

            severities.Add(new(entry[..equals].Trim(), level));
        }

        if (!AllKnown(RuleSelector.Split(disable).Concat(severities.Select(s => s.Key)), catalog, "sur la ligne de commande", stderr))
        {
            return null;
        }

        WorkspaceFileSettings? fixedFile = null;
        if (configFile is not null)
        {
            var logger = new StderrLogger(stderr);
            try
            {
                fixedFile = WorkspaceSettingsFile.Parse(GuardedFile.ReadAllText(configFile, GuardedFileKind.Config), logger);
            }
            catch (Exception e) when (e is GuardedFileException or JsonException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"notelsp : --config {configFile} : {Reason(e)}.");
                return null;
            }

            if (!AllKnown(NamesIn(fixedFile), catalog, $"dans {configFile}", stderr))
            {
                return null;
            }
        }

        return new CheckConfiguration(catalog, [.. disable], severities, fixedFile, configFile is null && !noConfig, everyRule, stderr) { _quiet = quiet };
    }

    /// <summary>The options for one document. Called on one thread, in input order; each file found is read once.</summary>
    public LintOptions For(InputDocument input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_fixed is not null)
        {
            return WithFile(_fixed);
        }

        if (!_discover)
        {
            return _commandLine;
        }

        var folder = input.Path == "-" ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(input.Path));
        return folder is null ? _commandLine : Resolve(folder).Options;
    }

    private (string? File, LintOptions Options) Resolve(string folder)
    {
        if (_byFolder.TryGetValue(folder, out var known))
        {
            return known;
        }

        var candidate = Path.Combine(folder, WorkspaceSettingsFile.FileName);
        (string? File, LintOptions Options) resolved;
        if (File.Exists(candidate) || Directory.Exists(candidate) || IsLink(candidate))
        {
            resolved = (candidate, Read(candidate));
        }
        else
        {
            var parent = Path.GetDirectoryName(folder);
            resolved = parent is null || parent == folder ? (null, _commandLine) : Resolve(parent);
        }

        _byFolder[folder] = resolved;
        return resolved;
    }

    private LintOptions Read(string path)
    {
        WorkspaceFileSettings? file;
        try
        {
            // The folder's own file, read like the server reads it: a regular file inside that folder, 1 MiB at most.
            file = WorkspaceSettingsFile.Parse(GuardedFile.ReadAllText(path, GuardedFileKind.Config, Path.GetDirectoryName(path)), new StderrLogger(_stderr));
        }
        catch (Exception e) when (e is GuardedFileException or JsonException or IOException or UnauthorizedAccessException)
        {
            _stderr.WriteLine($"notelsp : {path} : {Reason(e)} ; les documents de ce dossier sont relus sans ces réglages.");
            HadError = true;
            return _commandLine;
        }

        if (!AllKnown(NamesIn(file), _catalog, $"dans {path}", _stderr))
        {
            HadError = true;
        }

        if (!_quiet && _announced.Add(path))
        {
            _stderr.WriteLine($"notelsp : réglages lus dans {path}");
        }

        return WithFile(file);
    }

    /// <summary>The file's settings first, then the command line's, which win where both set a rule's severity.</summary>
    private LintOptions WithFile(WorkspaceFileSettings? file)
    {
        var severities = new List<KeyValuePair<string, Severity>>();
        foreach (var (name, value) in file?.Rules?.Severity ?? [])
        {
            if (Severities.TryParse(value, out var level))
            {
                severities.Add(new(name, level));
            }
        }

        severities.AddRange(_severities);
        // Grouping, as in the editor, is on unless the file or the command line (--every-rule) turns it off.
        return RuleSelector.Apply(LintOptions.Default, _catalog, (file?.Rules?.Disabled ?? []).Concat(_disable), severities) with
        {
            GroupFindings = !_everyRule && file?.GroupFindings != false,
        };
    }

    private static IEnumerable<string> NamesIn(WorkspaceFileSettings? file) =>
        (file?.Rules?.Disabled ?? []).Concat(file?.Rules?.Severity?.Keys ?? Enumerable.Empty<string>());

    private static bool AllKnown(IEnumerable<string> names, RuleCatalog catalog, string where, TextWriter stderr)
    {
        var unknown = RuleSelector.Unknown(names, catalog);
        foreach (var name in unknown)
        {
            var closest = RuleSelector.Closest(name, catalog);
            stderr.WriteLine($"notelsp : règle ou catégorie inconnue « {name} » {where}."
                + (closest.Count > 0 ? $" Noms proches : {string.Join(", ", closest)}." : " La liste complète : notelsp rules."));
        }

        return unknown.Count == 0;
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Reason(Exception e) => e switch
    {
        JsonException => "ce n'est pas un JSON valide",
        FileNotFoundException or DirectoryNotFoundException => "fichier introuvable",
        UnauthorizedAccessException => "lecture refusée (droits d'accès)",
        GuardedFileException => e.Message,
        _ => $"lecture impossible ({e.GetType().Name})",
    };

    /// <summary>The warnings of the tolerant settings reader (a value of the wrong type), on standard error.</summary>
    private sealed class StderrLogger(TextWriter stderr) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                stderr.WriteLine($"notelsp : {formatter(state, exception)}");
            }
        }
    }
}
