using Cnaemo.NoteLsp.Rules.Loading;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// The rules written in C#, by the name a pack gives in <c>code:</c>. A pack still declares the rule's id,
/// messages, references and examples; the factory receives that definition with its parameters.
/// </summary>
public static class CodeDetectors
{
    private static readonly Dictionary<string, Func<RuleDefinition, IDetector>> Factories = new(StringComparer.Ordinal)
    {
        // Each entry is one detector class; keep the list sorted by name.
        ["third-party"] = definition => new Privacy.ThirdPartyDetector(definition),
        [Dignity.CapitalsDetector.Name] = d => new Dignity.CapitalsDetector(d),
        [Dignity.DignityPredicateDetector.Name] = d => new Dignity.DignityPredicateDetector(d),
        [Dignity.GeneralisationDetector.Name] = d => new Dignity.GeneralisationDetector(d),
        [Dignity.HearsayConditionalDetector.Name] = d => new Dignity.HearsayConditionalDetector(d),
        [Dignity.ThirdPartyReportDetector.Name] = d => new Dignity.ThirdPartyReportDetector(d),
        [Dignity.ScareQuoteDetector.Name] = d => new Dignity.ScareQuoteDetector(d),
    };

    /// <summary>The names packs may use.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>Creates the detector for a code rule.</summary>
    /// <exception cref="RulePackException">No detector has that name.</exception>
    public static IDetector Create(RuleDefinition definition)
    {
        var matcher = (CodeMatcher)definition.Matcher;
        return Factories.TryGetValue(matcher.Name, out var factory)
            ? factory(definition)
            : throw new RulePackException($"{definition.Descriptor.Pack}: rule {definition.Descriptor.Id} names unknown code detector \"{matcher.Name}\"; known: {string.Join(", ", Names)}");
    }
}
