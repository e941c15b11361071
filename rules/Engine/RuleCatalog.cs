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

    private static readonly Lazy<IReadOnlyList<RulePack>> BuiltInPackCache = new(LoadBuiltInPacks);
    private static readonly Lazy<RuleCatalog> BuiltInCatalogCache = new(() => new RuleCatalog(BuiltInPacks()));

    private static List<RulePack> LoadBuiltInPacks()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        const string prefix = "Cnaemo.NoteLsp.Rules.Packs.";
        var packs = new List<RulePack>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            packs.Add(RulePackLoader.Load(name[prefix.Length..], reader.ReadToEnd(), compilePatterns: false));
        }

        return packs;
    }
}
