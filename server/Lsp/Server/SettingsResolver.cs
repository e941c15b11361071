using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Io;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Server;

/// <summary>
/// Turns the client's settings, the workspace file <c>.notelsp.json</c> and the trust state into
/// <see cref="EffectiveSettings"/>. Bad values are logged and skipped; they never stop the server.
/// </summary>
public static class SettingsResolver
{
    /// <summary>
    /// The largest accepted debounce, so that a typo cannot silence diagnostics. The VS Code manifest declares the
    /// same maximum and default (ClientContractTests), and the client sends the value as the user set it.
    /// </summary>
    public const int MaxDebounceMs = 5_000;

    /// <summary>The largest accepted cap on a document's diagnostics; above it, the cap is the same as none.</summary>
    public const int MaxDiagnosticsCap = 100_000;

    /// <summary>
    /// Resolves the settings. What needs the rule catalog (custom packs, rules switched off, severities) is
    /// resolved on first use of <see cref="EffectiveSettings.Rules"/>, so that this returns at once even while
    /// the built-in packs are loading.
    /// </summary>
    public static EffectiveSettings Resolve(
        NoteLspSettings? client, WorkspaceFileSettings? workspaceFile, bool trusted, string? workspaceRoot, int generation, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!trusted && client?.CustomPacks is { Count: > 0 } ignored)
        {
            logger.LogInformation("{Count} pack(s) de règles personnalisé(s) ignoré(s) : l'espace de travail n'est pas approuvé.", ignored.Count);
        }

        var language = client?.Language ?? "fr";
        if (language != "fr")
        {
            logger.LogWarning("Langue « {Language} » non disponible : les messages restent en français.", language);
        }

        var debounce = Math.Clamp(client?.DebounceMs ?? EffectiveSettings.DefaultDebounceMs, 0, MaxDebounceMs);
        var roles = new Dictionary<string, string>(client?.Pseudonymisation?.Roles ?? [], StringComparer.OrdinalIgnoreCase);
        return new EffectiveSettings
        {
            Generation = generation,
            Rules = new Lazy<ResolvedRules>(() => ResolveRules(client, workspaceFile, trusted, workspaceRoot, generation, debounce, logger)),
            DebounceMs = debounce,
            MaxDiagnosticsPerDocument = Math.Clamp(client?.MaxDiagnosticsPerDocument ?? 0, 0, MaxDiagnosticsCap),
            Language = "fr",
            PseudonymStyle = client?.Pseudonymisation?.Style == "role" ? PseudonymStyle.Role : PseudonymStyle.Initials,
            Roles = roles,
        };
    }

    private static ResolvedRules ResolveRules(
        NoteLspSettings? client, WorkspaceFileSettings? workspaceFile, bool trusted, string? workspaceRoot, int generation, int debounce, ILogger logger)
    {
        var engine = BuildEngine(trusted ? client?.CustomPacks : null, workspaceRoot, logger);
        var disabled = (client?.Rules?.Disabled ?? []).Concat(workspaceFile?.Rules?.Disabled ?? []).ToList();
        var severities = new List<KeyValuePair<string, Severity>>();
        foreach (var source in new[] { workspaceFile?.Rules?.Severity, client?.Rules?.Severity })
        {
            foreach (var (name, value) in source ?? [])
            {
                if (Severities.TryParse(value, out var severity))
                {
                    severities.Add(new(name, severity));
                }
                else
                {
                    logger.LogWarning("Sévérité inconnue « {Value} » pour {Rule} : ignorée.", value, name);
                }
            }
        }

        // A name that designates nothing is most often a typo; the CLI refuses it, the editor says so and goes on.
        foreach (var unknown in RuleSelector.Unknown(disabled.Concat(severities.Select(s => s.Key)), engine.Catalog))
        {
            var closest = RuleSelector.Closest(unknown, engine.Catalog);
            logger.LogWarning(
                "Règle ou catégorie inconnue « {Name} » dans les réglages : ignorée.{Hint}",
                unknown, closest.Count > 0 ? $" Noms proches : {string.Join(", ", closest)}." : string.Empty);
        }

        var options = RuleSelector.Apply(LintOptions.Default, engine.Catalog, disabled, severities) with
        {
            GroupFindings = GroupsFindings(client, workspaceFile),
        };

        logger.LogInformation(
            "Réglages appliqués (génération {Generation}) : {Disabled} règle(s) désactivée(s), délai {Debounce} ms, {Rules} règle(s) chargée(s).",
            generation, options.DisabledRules.Count + options.DisabledCategories.Count, debounce, engine.Catalog.Definitions.Count);
        return new ResolvedRules(engine, options);
    }

    /// <summary>
    /// Whether findings are grouped (one per fact): yes unless the editor's setting or the workspace file says
    /// <c>false</c>. Either place can turn it off, since an editor always sends its default and cannot say that the
    /// user left it alone; the CLI reads the same file the same way.
    /// </summary>
    public static bool GroupsFindings(NoteLspSettings? client, WorkspaceFileSettings? workspaceFile) =>
        client?.GroupFindings != false && workspaceFile?.GroupFindings != false;

    private static RuleEngine BuildEngine(List<string>? packPaths, string? workspaceRoot, ILogger logger)
    {
        if (packPaths is not { Count: > 0 })
        {
            return EffectiveSettings.Default.Engine;
        }

        if (workspaceRoot is null)
        {
            logger.LogWarning("Packs de règles personnalisés ignorés : aucun dossier d'espace de travail.");
            return EffectiveSettings.Default.Engine;
        }

        var packs = new List<RulePack>();
        foreach (var relative in packPaths)
        {
            if (WorkspacePath(workspaceRoot, relative) is not { } path)
            {
                logger.LogWarning("Pack « {Pack} » ignoré : seuls les chemins relatifs internes à l'espace de travail sont admis.", relative);
                continue;
            }

            try
            {
                packs.Add(RulePackLoader.Load(relative, GuardedFile.ReadAllText(path, GuardedFileKind.Pack, workspaceRoot)));
            }
            catch (GuardedFileException e)
            {
                logger.LogWarning("Pack « {Pack} » ignoré : {Reason}.", relative, e.Message);
            }
            catch (RulePackException e)
            {
                logger.LogWarning("Pack « {Pack} » invalide : {Error}", relative, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Pack « {Pack} » illisible ({Error}).", relative, e.GetType().Name);
            }
        }

        try
        {
            return packs.Count == 0 ? EffectiveSettings.Default.Engine : new RuleEngine(RuleCatalog.BuiltIn(packs));
        }
        catch (RulePackException e)
        {
            logger.LogWarning("Packs personnalisés ignorés : {Error}", e.Message);
            return EffectiveSettings.Default.Engine;
        }
    }

    /// <summary>The full path of a workspace-relative path, or null if it is absolute or leaves the workspace.</summary>
    public static string? WorkspacePath(string workspaceRoot, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative))
        {
            return null;
        }

        var root = Path.GetFullPath(workspaceRoot);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }
}
