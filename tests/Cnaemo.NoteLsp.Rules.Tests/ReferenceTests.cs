using Cnaemo.NoteLsp.Rules.Engine;

namespace Cnaemo.NoteLsp.Rules.Tests;

/// <summary>
/// Every reference of every built-in rule links to an official page over https: a hover that cites the law must send
/// the reader to the text itself, not to a copy. The list of domains is the one docs/references.md gives.
/// </summary>
public sealed class ReferenceTests
{
    private static readonly string[] OfficialDomains =
    [
        "legifrance.gouv.fr", "eur-lex.europa.eu", "cnil.fr", "has-sante.fr", "solidarites.gouv.fr", "sante.gouv.fr",
        "service-public.fr", "justice.gouv.fr", "psycom.org",
    ];

    [Fact]
    public void Every_reference_links_to_an_official_https_page()
    {
        var wrong = RuleCatalog.BuiltIn().Definitions
            .SelectMany(rule => rule.Descriptor.References.Select(reference => (rule.Descriptor.Id, reference.Url)))
            .Where(x => !IsOfficial(x.Url))
            .Select(x => $"{x.Id}: {x.Url}")
            .Distinct()
            .ToList();
        Assert.True(wrong.Count == 0, "references outside the official https domains:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void A_rule_that_cites_the_child_protection_sharing_rule_also_cites_the_adults_one()
    {
        // CASF L.226-2-2 applies in child protection only; in adult settings the rule is CSP L.1110-4.
        var missing = RuleCatalog.BuiltIn().Definitions
            .Where(rule => rule.Descriptor.References.Any(r => r.Label.Contains("L.226-2-2", StringComparison.Ordinal)))
            .Where(rule => !rule.Descriptor.References.Any(r => r.Label.Contains("L.1110-4", StringComparison.Ordinal)))
            .Select(rule => rule.Descriptor.Id)
            .ToList();
        Assert.True(missing.Count == 0, "cite CSP L.1110-4 next to CASF L.226-2-2: " + string.Join(", ", missing));
    }

    private static bool IsOfficial(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && OfficialDomains.Any(domain => uri.Host == domain || uri.Host.EndsWith("." + domain, StringComparison.Ordinal));
}
