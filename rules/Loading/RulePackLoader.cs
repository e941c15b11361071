using Cnaemo.NoteLsp.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace Cnaemo.NoteLsp.Rules.Loading;

/// <summary>A parsed rule pack: its name and its rules.</summary>
public sealed record RulePack(string Name, string Description, IReadOnlyList<RuleDefinition> Rules);

/// <summary>Reads the YAML rule format described in rules/README.md.</summary>
public static class RulePackLoader
{
    private static readonly string[] RuleKeys =
    [
        "id", "category", "severity", "message", "explanation", "advice", "references", "examples",
        "terms", "antipatterns", "pattern", "on", "validate", "code", "parameters",
        "quoted", "negated", "generic", "requires", "prefilter", "suggestions", "mask", "removable", "rewrites",
    ];

    /// <summary>Parses a pack. <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="RulePackException">The pack is not valid; the message says where and why.</exception>
    public static RulePack Load(string source, string yaml) => Load(source, yaml, compilePatterns: true, keepTermForms: false);

    /// <summary>
    /// Parses a pack; with <paramref name="compilePatterns"/> false, patterns and antipatterns are not compiled to
    /// prove them valid. Only the built-in packs are loaded that way: compiling is the costliest part of loading,
    /// the detectors compile each pattern on first use anyway, and BuiltInPatternTests compiles every built-in
    /// pattern so that a bad one fails the build, not the user. With <paramref name="keepTermForms"/>, each term rule
    /// keeps the forms that expanding its terms (to prove them well formed) gives, for the lexicon detector to take;
    /// otherwise they are dropped and the detector expands again, which keeps fewer objects alive at once.
    /// </summary>
    internal static RulePack Load(string source, string yaml, bool compilePatterns, bool keepTermForms)
    {
        var root = new YamlReader(source, YamlReader.ParseRoot(source, yaml));
        root.RejectUnknownKeys("pack", "description", "shared", "rules");
        var name = root.RequiredString("pack");
        var rules = root.MappingList("rules").Select(r => ReadRule(r, name, compilePatterns, keepTermForms)).ToList();
        var duplicate = rules.GroupBy(r => r.Descriptor.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RulePackException($"{source}: rule id \"{duplicate.Key}\" is declared twice");
        }

        return new RulePack(name, root.OptionalString("description") ?? "", rules);
    }

    private static RuleDefinition ReadRule(YamlReader rule, string pack, bool compilePatterns, bool keepTermForms)
    {
        rule.RejectUnknownKeys(RuleKeys);
        var id = rule.RequiredString("id");
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9]+(?:[.-][a-z0-9]+)+$"))
        {
            throw rule.Error(rule.Node, $"rule id \"{id}\" must be dotted lower-case words, such as privacy.health.disease");
        }

        var categoryText = rule.RequiredString("category");
        if (!Categories.TryParse(categoryText, out var category))
        {
            throw rule.Error(rule.Node, $"{id}: unknown category \"{categoryText}\"");
        }

        var severityText = rule.RequiredString("severity");
        if (!Severities.TryParse(severityText, out var severity))
        {
            throw rule.Error(rule.Node, $"{id}: unknown severity \"{severityText}\"");
        }

        var descriptor = new RuleDescriptor
        {
            Id = id,
            Category = category,
            DefaultSeverity = severity,
            Message = rule.RequiredString("message"),
            Explanation = rule.RequiredString("explanation"),
            Advice = rule.OptionalString("advice") ?? "",
            References = ReadReferences(rule, id),
            Examples = ReadExamples(rule),
            Pack = pack,
            OffersRewrites = ReadRewritePolicy(rule, id),
        };

        return new RuleDefinition
        {
            Descriptor = descriptor,
            Matcher = ReadMatcher(rule, id, compilePatterns, keepTermForms),
            Quoted = ReadPolicy(rule, "quoted"),
            Negated = ReadPolicy(rule, "negated"),
            Generic = ReadPolicy(rule, "generic"),
            Requires = ReadRequirement(rule),
            Prefilter = ReadPrefilter(rule, id),
            Suggestions = ReadSuggestions(rule),
            Mask = rule.OptionalString("mask"),
            Removable = rule.OptionalBool("removable", false),
        };
    }

    private static List<Reference> ReadReferences(YamlReader rule, string id)
    {
        var references = new List<Reference>();
        foreach (var item in rule.MappingList("references"))
        {
            item.RejectUnknownKeys("label", "url");
            var url = item.RequiredString("url");
            if (!url.StartsWith("https://", StringComparison.Ordinal))
            {
                throw item.Error(item.Node, $"{id}: reference URLs must start with https://");
            }

            references.Add(new Reference(item.RequiredString("label"), url));
        }

        return references;
    }

    private static RuleExamples ReadExamples(YamlReader rule)
    {
        var examples = rule.Mapping("examples");
        if (examples is null)
        {
            return RuleExamples.None;
        }

        examples.RejectUnknownKeys("flag", "clean");

        // A flag example is a text, or a mapping {text, rewrite} that also says which rewrite it must offer.
        var flag = new List<string>();
        var rewrites = new Dictionary<string, string>(StringComparer.Ordinal);
        if (examples.Get("flag") is YamlDotNet.RepresentationModel.YamlSequenceNode items)
        {
            foreach (var item in items.Children)
            {
                switch (item)
                {
                    case YamlDotNet.RepresentationModel.YamlScalarNode scalar:
                        flag.Add(scalar.Value ?? "");
                        break;
                    case YamlDotNet.RepresentationModel.YamlMappingNode mapping:
                        var example = new YamlReader(examples.Source, mapping);
                        example.RejectUnknownKeys("text", "rewrite");
                        var text = example.RequiredString("text");
                        flag.Add(text);
                        rewrites[text] = example.RequiredString("rewrite");
                        break;
                    default:
                        throw examples.Error(item, "a flag example is a text or a mapping with text and rewrite");
                }
            }
        }
        else
        {
            flag.AddRange(examples.StringList("flag"));
        }

        return new RuleExamples(flag, examples.StringList("clean")) { ExpectedRewrites = rewrites };
    }

    private static Matcher ReadMatcher(YamlReader rule, string id, bool compilePatterns, bool keepTermForms)
    {
        var kinds = new[] { "terms", "pattern", "code" }.Count(rule.Has);
        if (kinds != 1)
        {
            throw rule.Error(rule.Node, $"{id}: a rule needs exactly one of \"terms\", \"pattern\" or \"code\"");
        }

        var antipatterns = rule.StringList("antipatterns");
        if (rule.Has("terms"))
        {
            var (terms, options) = ReadTerms(rule, id);
            try
            {
                if (keepTermForms)
                {
                    return TermMatcher.WithFoldedForms(terms, antipatterns, options);
                }

                foreach (var term in terms.Concat(antipatterns))
                {
                    _ = Matching.TermExpander.Expand(term);
                }
            }
            catch (FormatException e)
            {
                throw rule.Error(rule.Get("terms")!, $"{id}: {e.Message}");
            }

            return new TermMatcher(terms, antipatterns, options);
        }

        if (rule.Has("pattern"))
        {
            var on = rule.OptionalString("on") ?? "folded";
            if (on is not ("folded" or "original"))
            {
                throw rule.Error(rule.Get("on")!, $"{id}: \"on\" must be folded or original");
            }

            var pattern = rule.RequiredString("pattern");
            if (compilePatterns)
            {
                CheckCompiles(rule, "pattern", id, [pattern]);
                CheckCompiles(rule, "antipatterns", id, antipatterns);
            }

            var validator = rule.OptionalString("validate");
            if (validator is not null && !Validators.IdentifierValidators.Exists(validator))
            {
                throw rule.Error(rule.Get("validate")!, $"{id}: unknown validator \"{validator}\"; known: {string.Join(", ", Validators.IdentifierValidators.Names)}");
            }

            return new PatternMatcher(pattern, on == "original", validator, antipatterns);
        }

        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (rule.Mapping("parameters") is { } map)
        {
            foreach (var key in map.Node.Children.Keys.OfType<YamlScalarNode>())
            {
                parameters[key.Value!] = map.StringList(key.Value!);
            }
        }

        return new CodeMatcher(rule.RequiredString("code"), parameters);
    }

    /// <summary>
    /// The terms, each a text or a mapping with <c>term</c> and its options (<c>case: exact</c>, <c>accents: exact</c>,
    /// <c>requires</c>), and the options in the same order; the options list is empty when no term has any.
    /// </summary>
    private static (List<string> Terms, List<TermOptions?> Options) ReadTerms(YamlReader rule, string id)
    {
        var value = rule.Get("terms")!;
        if (value is YamlScalarNode single)
        {
            return ([single.Value ?? ""], []);
        }

        if (value is not YamlSequenceNode sequence)
        {
            throw rule.Error(value, $"{id}: \"terms\" must be a list");
        }

        var terms = new List<string>();
        var options = new List<TermOptions?>();
        var anyOption = false;
        foreach (var item in sequence.Children)
        {
            switch (item)
            {
                case YamlScalarNode scalar:
                    terms.Add(scalar.Value ?? "");
                    options.Add(null);
                    break;
                case YamlMappingNode mapping:
                    var reader = new YamlReader(rule.Source, mapping);
                    reader.RejectUnknownKeys("term", "case", "accents", "requires");
                    terms.Add(reader.RequiredString("term"));
                    options.Add(new TermOptions(ReadExact(reader, "case"), ReadExact(reader, "accents"), ReadRequirement(reader)));
                    anyOption = true;
                    break;
                default:
                    throw rule.Error(item, $"{id}: each term is a text or a mapping with \"term\"");
            }
        }

        return (terms, anyOption ? options : []);
    }

    private static bool ReadExact(YamlReader term, string key) => term.OptionalString(key) switch
    {
        null or "folded" => false,
        "exact" => true,
        var other => throw term.Error(term.Get(key)!, $"\"{key}\" must be exact or folded, not \"{other}\""),
    };

    private static void CheckCompiles(YamlReader rule, string key, string id, IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            try
            {
                _ = Matching.PatternCompiler.Compile(pattern);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw rule.Error(rule.Get(key)!, $"{id}: the {(key == "pattern" ? "pattern" : "antipattern")} cannot be compiled without backtracking: {e.Message}");
            }
        }
    }

    private static ContextPolicy ReadPolicy(YamlReader rule, string key) => rule.OptionalString(key) switch
    {
        null or "flag" => ContextPolicy.Flag,
        "lower" => ContextPolicy.Lower,
        "ignore" => ContextPolicy.Ignore,
        var other => throw rule.Error(rule.Get(key)!, $"\"{key}\" must be flag, lower or ignore, not \"{other}\""),
    };

    private static ContextRequirement? ReadRequirement(YamlReader rule)
    {
        var requires = rule.Mapping("requires");
        if (requires is null)
        {
            return null;
        }

        requires.RejectUnknownKeys("near", "window", "person");
        var window = int.TryParse(requires.OptionalString("window") ?? "6", out var w) && w > 0 ? w : 6;
        var words = requires.StringList("near").SelectMany(Matching.TermExpander.Expand).Select(Text.FoldedText.Fold).ToList();
        var person = requires.OptionalBool("person", false);
        return words.Count > 0 || person
            ? new ContextRequirement(words, window, person)
            : throw rule.Error(requires.Node, "\"requires\" needs \"near\" words or \"person: true\"");
    }

    private static List<string>? ReadPrefilter(YamlReader rule, string id)
    {
        if (!rule.Has("prefilter"))
        {
            return null;
        }

        if (!rule.Has("pattern"))
        {
            throw rule.Error(rule.Get("prefilter")!, $"{id}: \"prefilter\" is for pattern rules");
        }

        var words = rule.StringList("prefilter").SelectMany(Matching.TermExpander.Expand).Select(Text.FoldedText.Fold).ToList();
        return words.Count > 0 ? words : throw rule.Error(rule.Get("prefilter")!, $"{id}: \"prefilter\" needs words");
    }

    private static List<SuggestionTemplate> ReadSuggestions(YamlReader rule)
    {
        var value = rule.Get("suggestions");
        if (value is null)
        {
            return [];
        }

        if (value is not YamlSequenceNode sequence)
        {
            throw rule.Error(value, "\"suggestions\" must be a list");
        }

        var templates = new List<SuggestionTemplate>();
        foreach (var item in sequence.Children)
        {
            switch (item)
            {
                case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                    templates.Add(new SuggestionTemplate($"Reformuler : « {scalar.Value} »", scalar.Value));
                    break;
                case YamlMappingNode mapping:
                    var reader = new YamlReader(rule.Source, mapping);
                    reader.RejectUnknownKeys("title", "text");
                    var text = reader.RequiredString("text");
                    templates.Add(new SuggestionTemplate(reader.OptionalString("title") ?? $"Reformuler : « {text} »", text));
                    break;
                default:
                    throw rule.Error(item, "each suggestion is a text or a mapping with title and text");
            }
        }

        return templates;
    }

    // "rewrites: none" says that no rephrasing can fit the rule's words (a noun of judgement inside a noun phrase):
    // the finding explains and advises, and the rewrite tests hold the rule to offering none.
    private static bool ReadRewritePolicy(YamlReader rule, string id) => rule.OptionalString("rewrites") switch
    {
        null => true,
        "none" => rule.OptionalString("advice") is { Length: > 0 } ? false : throw rule.Error(rule.Get("rewrites")!, $"{id}: a rule with \"rewrites: none\" needs its \"advice\""),
        var other => throw rule.Error(rule.Get("rewrites")!, $"{id}: \"rewrites\" is \"none\" or absent, not \"{other}\""),
    };
}
