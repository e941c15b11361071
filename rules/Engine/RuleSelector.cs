using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// What the names a user writes select: a rule id, the beginning of one (<c>dignity.typography</c>) or a category id
/// (<c>health</c>). The language server and the CLI both turn their settings into <see cref="LintOptions"/> here, so the
/// same <c>.notelsp.json</c> means the same thing in the editor and in an audit.
/// </summary>
public static class RuleSelector
{
    /// <summary>True when <paramref name="name"/> designates <paramref name="rule"/>.</summary>
    public static bool Matches(RuleDescriptor rule, string name) =>
        rule.Id == name
        || rule.Id.StartsWith(name + ".", StringComparison.Ordinal)
        || (Categories.TryParse(name, out var category) && rule.Category == category);

    /// <summary>True when <paramref name="name"/> designates at least one rule of the catalog, or a category.</summary>
    public static bool IsKnown(string name, RuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Categories.TryParse(name, out _) || catalog.Rules.Any(rule => Matches(rule, name));
    }

    /// <summary>The names in <paramref name="names"/>, each entry also split at its commas, trimmed and without empties.</summary>
    public static IEnumerable<string> Split(IEnumerable<string> names) =>
        names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// <paramref name="options"/> with every rule and category named in <paramref name="disabled"/> switched off, and
    /// the severities of <paramref name="severities"/> applied in order, so that a later entry overrides an earlier one
    /// for the rules both name. Names that designate nothing are skipped; <see cref="Unknown"/> lists them.
    /// </summary>
    public static LintOptions Apply(
        LintOptions options, RuleCatalog catalog, IEnumerable<string> disabled, IEnumerable<KeyValuePair<string, Severity>> severities)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        var rules = new HashSet<string>(options.DisabledRules, StringComparer.Ordinal);
        var categories = new HashSet<Category>(options.DisabledCategories);
        foreach (var name in Split(disabled))
        {
            if (Categories.TryParse(name, out var category))
            {
                categories.Add(category);
                continue;
            }

            foreach (var rule in catalog.Rules.Where(r => Matches(r, name)))
            {
                rules.Add(rule.Id);
            }
        }

        var levels = new Dictionary<string, Severity>(options.SeverityOverrides, StringComparer.Ordinal);
        foreach (var (name, severity) in severities)
        {
            foreach (var rule in catalog.Rules.Where(r => Matches(r, name)))
            {
                levels[rule.Id] = severity;
            }
        }

        return options with { DisabledRules = rules, DisabledCategories = categories, SeverityOverrides = levels };
    }

    /// <summary>The names of <paramref name="names"/> that designate no rule and no category, in their order.</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string> names, RuleCatalog catalog) =>
        [.. Split(names).Where(name => !IsKnown(name, catalog)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Up to <paramref name="count"/> known names closest to <paramref name="name"/> by edit distance: rule ids, their
    /// beginnings and category ids, for the "did you mean" of a usage error.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, RuleCatalog catalog, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(catalog);
        var candidates = new HashSet<string>(Categories.All.Select(c => c.ToId()), StringComparer.Ordinal);
        foreach (var rule in catalog.Rules)
        {
            for (var dot = rule.Id.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = rule.Id.IndexOf('.', dot + 1))
            {
                candidates.Add(rule.Id[..dot]);
            }

            candidates.Add(rule.Id);
        }

        // The user's name is short and typed by hand: a bounded prefix keeps the distance cheap on any input.
        var typed = name.Length > 80 ? name[..80] : name;
        return [.. candidates
            .Select(candidate => (candidate, distance: Distance(typed, candidate)))
            .Where(x => x.distance <= Math.Max(2, x.candidate.Length / 3))
            .OrderBy(x => x.distance).ThenBy(x => x.candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(x => x.candidate)];
    }

    /// <summary>The Levenshtein distance, with one row of memory.</summary>
    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
