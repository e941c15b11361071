using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>Turns user-facing names (rule ids, id prefixes, categories) into the engine's options.</summary>
public static class RuleSelection
{
    /// <summary>Switches off every rule or category named in <paramref name="names"/>.</summary>
    public static LintOptions Apply(LintOptions options, IEnumerable<string> names, RuleCatalog catalog)
    {
        var rules = new HashSet<string>(options.DisabledRules, StringComparer.Ordinal);
        var categories = new HashSet<Category>(options.DisabledCategories);
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Categories.TryParse(name, out var category))
            {
                categories.Add(category);
                continue;
            }

            foreach (var rule in catalog.Rules.Where(r => r.Id == name || r.Id.StartsWith(name + ".", StringComparison.Ordinal)))
            {
                rules.Add(rule.Id);
            }
        }

        return options with { DisabledRules = rules, DisabledCategories = categories };
    }
}
