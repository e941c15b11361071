using System.Reflection;
using Cnaemo.NoteLsp.Rules.Detectors;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// The rules in force: their definitions, and the detectors built from them. A catalog is immutable; settings
/// that add packs build a new one.
/// </summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, RuleDefinition> _byId;

    private RuleCatalog(IReadOnlyList<RulePack> packs)
    {
        Packs = packs;
        Definitions = [.. packs.SelectMany(p => p.Rules)];
        _byId = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var definition in Definitions)
        {
            if (!_byId.TryAdd(definition.Descriptor.Id, definition))
            {
                throw new RulePackException($"{definition.Descriptor.Pack}: rule id \"{definition.Descriptor.Id}\" is already declared by pack {_byId[definition.Descriptor.Id].Descriptor.Pack}");
            }
        }

        var detectors = new List<IDetector> { new LexiconDetector(Definitions) };
        foreach (var definition in Definitions)
        {
            switch (definition.Matcher)
            {
                case PatternMatcher:
                    detectors.Add(new PatternDetector(definition));
                    break;
                case CodeMatcher:
                    detectors.Add(CodeDetectors.Create(definition));
                    break;
            }
        }

        Detectors = detectors;
    }

    /// <summary>The packs, in load order.</summary>
    public IReadOnlyList<RulePack> Packs { get; }

    /// <summary>Every rule definition.</summary>
    public IReadOnlyList<RuleDefinition> Definitions { get; }

    /// <summary>Every rule descriptor.</summary>
    public IEnumerable<RuleDescriptor> Rules => Definitions.Select(d => d.Descriptor);

    /// <summary>The detectors that run on each block.</summary>
    public IReadOnlyList<IDetector> Detectors { get; }

    /// <summary>The rule with this id, or null.</summary>
    public RuleDescriptor? Find(string id) => _byId.TryGetValue(id, out var d) ? d.Descriptor : null;

    /// <summary>The definition with this id, or null.</summary>
    public RuleDefinition? FindDefinition(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Builds a catalog from parsed packs.</summary>
    public static RuleCatalog FromPacks(IEnumerable<RulePack> packs) => new([.. packs]);

    /// <summary>The packs embedded in this assembly, parsed.</summary>
    public static IReadOnlyList<RulePack> BuiltInPacks() => BuiltInPackCache.Value;

    /// <summary>A catalog of the built-in packs, plus any extra packs (custom workspace rules).</summary>
    public static RuleCatalog BuiltIn(IEnumerable<RulePack>? extraPacks = null) =>
        extraPacks is null ? BuiltInCatalogCache.Value : new([.. BuiltInPacks(), .. extraPacks]);

    /// <summary>
    /// Loads the built-in catalog, plus any extra packs, with every core: the packs are parsed several at a time and the dignity grammar's
    /// lexicon, which the first lint needs, is read meanwhile. The batch CLI calls this, since nothing else runs while
    /// it starts; the language server keeps the one-thread load of <see cref="BuiltIn"/>, because taking both cores
    /// delays its <c>initialize</c> answer (docs/performance.md). The catalog is the same either way: each pack is
    /// parsed on its own and the packs keep the order of their resource names.
    /// </summary>
    public static RuleCatalog LoadBuiltInConcurrently(IEnumerable<RulePack>? extraPacks = null)
    {
        LoadPacksInParallel = true;
        var lexicon = Task.Run(() => Rephrasing.DignityLexicon.BuiltIn);
        var catalog = BuiltIn(extraPacks);
        lexicon.GetAwaiter().GetResult();
        return catalog;
    }

    // Read once, by the first load of the packs; set only by LoadBuiltInConcurrently.
    private static volatile bool LoadPacksInParallel;

    private static readonly Lazy<IReadOnlyList<RulePack>> BuiltInPackCache = new(() => LoadBuiltInPacks(LoadPacksInParallel));
    private static readonly Lazy<RuleCatalog> BuiltInCatalogCache = new(() => new RuleCatalog(BuiltInPacks()));

    /// <summary>Parses the embedded packs, in the order of their resource names; several at a time if <paramref name="inParallel"/>.</summary>
    internal static RulePack[] LoadBuiltInPacks(bool inParallel)
    {
        var assembly = typeof(RuleCatalog).Assembly;
        const string prefix = "Cnaemo.NoteLsp.Rules.Packs.";
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var packs = new RulePack[names.Length];
        void Load(int index)
        {
            using var stream = assembly.GetManifestResourceStream(names[index])!;
            using var reader = new StreamReader(stream);
            packs[index] = RulePackLoader.Load(names[index][prefix.Length..], reader.ReadToEnd(), compilePatterns: false, keepTermForms: inParallel);
        }

        if (!inParallel)
        {
            for (var index = 0; index < names.Length; index++)
            {
                Load(index);
            }

            return packs;
        }

        try
        {
            Parallel.For(0, names.Length, Load);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A broken pack reports the loader's own exception, as the sequential loading does.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return packs;
    }
}
