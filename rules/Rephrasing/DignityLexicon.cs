using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Morphology;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Rephrasing;

/// <summary>How a lexicon word is used in a sentence.</summary>
public enum LexiconKind
{
    /// <summary>An adjective: after a copula or a person noun.</summary>
    Trait,

    /// <summary>A noun: after a copula with a determiner, or after any determiner.</summary>
    Label,

    /// <summary>A fixed phrase flagged wherever it stands.</summary>
    Phrase,
}

/// <summary>A condition a word needs before it counts.</summary>
public enum LexiconNeed
{
    None,

    /// <summary>The sentence speculates and names no clinician.</summary>
    Speculation,
}

/// <summary>One word of the dignity lexicon, with its forms, category and rewrites.</summary>
public sealed record LexiconEntry(
    string Notation,
    InflectedForms Forms,
    LexiconKind Kind,
    Category Category,
    IReadOnlyList<RewriteTemplate> Rewrites,
    LexiconNeed Need);

/// <summary>A lexicon word found in a text: the entry, its token range and the agreements its form allows.</summary>
public sealed record LexiconHit(LexiconEntry Entry, int First, int End, IReadOnlyList<Agreement> Agreements);

/// <summary>
/// The data of the dignity rules: words with their inflections and rewrites, rewrite templates and the small
/// word lists of the grammar. It is read from YAML embedded in the assembly, so that adding a label needs no C#.
/// </summary>
public sealed class DignityLexicon
{
    private const string ResourcePrefix = "Cnaemo.NoteLsp.Rules.Lexicons.";
    private static readonly Lazy<DignityLexicon> BuiltInLexicon = new(LoadBuiltIn);

    // The words of each kind by the hash of their first token (see PhraseIndex): Match runs for many tokens of every
    // document, and the context has hashed each token once.
    private readonly PhraseIndex<List<(LexiconEntry Entry, Agreement[] Agreements)>>[] _byKind = [new(), new(), new()];
    private readonly WordFilter[] _firstWordFilters = [new(), new(), new()];

    private DignityLexicon()
    {
    }

    /// <summary>The lexicon embedded in the assembly.</summary>
    public static DignityLexicon BuiltIn => BuiltInLexicon.Value;

    /// <summary>Every entry.</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; private set; } = [];

    /// <summary>The templates by name.</summary>
    public IReadOnlyDictionary<string, RewriteTemplate> Templates { get; private set; } = new Dictionary<string, RewriteTemplate>();

    /// <summary>Nouns naming people ("mère", "résident").</summary>
    public WordSet Persons { get; } = new();

    /// <summary>Nouns of conduct ("attitude", "tenue").</summary>
    public WordSet Conduct { get; } = new();

    /// <summary>Adverbs allowed between a copula and a trait.</summary>
    public WordSet Intensifiers { get; } = new();

    /// <summary>Adjectives allowed between a determiner and a label.</summary>
    public WordSet PreNominal { get; } = new();

    /// <summary>Adjectives that reinforce a label and are replaced with it.</summary>
    public WordSet PostNominal { get; } = new();

    /// <summary>Marks of speculation.</summary>
    public WordSet Speculation { get; } = new();

    /// <summary>Marks of a clinician's statement.</summary>
    public WordSet Clinicians { get; } = new();

    /// <summary>
    /// Adjectives that name a behaviour ("agressif", "menaçant"), in the masculine singular: only they may be kept in
    /// a template of <c>only: behaviours</c> ("a eu un comportement agressif"). A trait that is no behaviour
    /// ("menteur", "sale", "démissionnaire") would give "un comportement menteur", which is not French.
    /// </summary>
    public HashSet<string> Behaviours { get; } = new(StringComparer.Ordinal);

    /// <summary>The first words of the entries of <paramref name="kind"/>: a token outside the filter starts none.</summary>
    internal WordFilter FirstWordFilter(LexiconKind kind) => _firstWordFilters[(int)kind];

    /// <summary>The longest entry of <paramref name="kind"/> starting at token <paramref name="index"/>, if any.</summary>
    public LexiconHit? Match(AnalysisContext context, int index, int end, LexiconKind kind, Func<LexiconEntry, bool>? accept = null)
    {
        if (index >= end || !_firstWordFilters[(int)kind].MayContain(context.TokenHash(index)))
        {
            return null;
        }

        // Longest first: a shorter word is tried only when no entry of a longer one is accepted.
        foreach (var (length, candidates) in _byKind[(int)kind].At(context, index, end))
        {
            foreach (var (entry, agreements) in candidates)
            {
                if (accept is null || accept(entry))
                {
                    return new LexiconHit(entry, index, index + length, agreements);
                }
            }
        }

        return null;
    }

    /// <summary>Parses the lexicon from its YAML documents: templates first, then words and grammar lists.</summary>
    /// <exception cref="RulePackException">A document is not valid; the message says where.</exception>
    public static DignityLexicon Parse(string templatesYaml, string wordsYaml, string grammarYaml)
    {
        var lexicon = new DignityLexicon();
        lexicon.Templates = ReadTemplates(new YamlReader("templates.yaml", YamlReader.ParseRoot("templates.yaml", templatesYaml)));
        lexicon.ReadWords(new YamlReader("words.yaml", YamlReader.ParseRoot("words.yaml", wordsYaml)));
        lexicon.ReadGrammar(new YamlReader("grammar.yaml", YamlReader.ParseRoot("grammar.yaml", grammarYaml)));
        return lexicon;
    }

    private static DignityLexicon LoadBuiltIn()
    {
        var assembly = typeof(DignityLexicon).Assembly;
        string Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new RulePackException($"the dignity lexicon {name} is missing from the assembly");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        return Parse(Read("templates.yaml"), Read("words.yaml"), Read("grammar.yaml"));
    }

    private static Dictionary<string, RewriteTemplate> ReadTemplates(YamlReader root)
    {
        root.RejectUnknownKeys("templates");
        var result = new Dictionary<string, RewriteTemplate>(StringComparer.Ordinal);
        var map = root.Mapping("templates") ?? throw root.Error(root.Node, "\"templates\" is required");
        foreach (var key in map.Node.Children.Keys.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>())
        {
            var name = key.Value ?? "";
            var template = map.Mapping(name) ?? throw map.Error(key, $"template {name} must be a mapping");
            template.RejectUnknownKeys([.. RewriteTemplate.PlaceKeys.Keys, "title", "only"]);
            var texts = new Dictionary<RewritePlace, string>();
            foreach (var (placeKey, place) in RewriteTemplate.PlaceKeys)
            {
                if (template.OptionalString(placeKey) is { Length: > 0 } text)
                {
                    texts[place] = text;
                }
            }

            var only = template.OptionalString("only") switch
            {
                null => TemplateCondition.None,
                "behaviours" => TemplateCondition.Behaviours,
                var other => throw template.Error(template.Node, $"unknown condition only: \"{other}\"; expected behaviours"),
            };
            result[name] = new RewriteTemplate(name, template.RequiredString("title"), texts, only);
        }

        return result;
    }

    private void ReadWords(YamlReader root)
    {
        root.RejectUnknownKeys("groups", "persons", "conduct");
        var entries = new List<LexiconEntry>();
        foreach (var group in root.MappingList("groups"))
        {
            group.RejectUnknownKeys("kind", "category", "rewrites", "words");
            var kind = group.RequiredString("kind") switch
            {
                "trait" => LexiconKind.Trait,
                "label" => LexiconKind.Label,
                "phrase" => LexiconKind.Phrase,
                var other => throw group.Error(group.Node, $"unknown kind \"{other}\"; expected trait, label or phrase"),
            };
            if (!Categories.TryParse(group.RequiredString("category"), out var category) || category.Family() != RuleFamily.Dignity)
            {
                throw group.Error(group.Node, $"\"{group.RequiredString("category")}\" is not a dignity category");
            }

            var groupRewrites = ResolveTemplates(group, group.StringList("rewrites"));
            if (group.Get("words") is not YamlDotNet.RepresentationModel.YamlSequenceNode words)
            {
                throw group.Error(group.Node, "\"words\" must be a list");
            }

            foreach (var item in words.Children)
            {
                entries.Add(ReadWord(group, item, kind, category, groupRewrites));
            }
        }

        foreach (var person in root.StringList("persons"))
        {
            Persons.Add(person);
        }

        foreach (var noun in root.StringList("conduct"))
        {
            Conduct.Add(noun);
        }

        Entries = entries;
        foreach (var entry in entries)
        {
            Index(entry);
        }
    }

    private LexiconEntry ReadWord(YamlReader group, YamlDotNet.RepresentationModel.YamlNode item, LexiconKind kind, Category category, IReadOnlyList<RewriteTemplate> groupRewrites)
    {
        string notation;
        string? lemma = null;
        var rewrites = groupRewrites;
        var need = LexiconNeed.None;
        switch (item)
        {
            case YamlDotNet.RepresentationModel.YamlScalarNode scalar:
                notation = scalar.Value ?? "";
                break;
            case YamlDotNet.RepresentationModel.YamlMappingNode mapping:
                var word = new YamlReader(group.Source, mapping);
                word.RejectUnknownKeys("word", "lemma", "rewrites", "needs");
                lemma = word.OptionalString("lemma");
                if (lemma is not null && word.Has("word"))
                {
                    throw word.Error(mapping, "write either \"word\" (the forms) or \"lemma\" (forms from the French lexicon), not both");
                }

                notation = lemma is null ? word.RequiredString("word") : "lemma: " + lemma;
                if (word.Has("rewrites"))
                {
                    rewrites = ResolveTemplates(word, word.StringList("rewrites"));
                }

                need = word.OptionalString("needs") switch
                {
                    null => LexiconNeed.None,
                    "speculation" => LexiconNeed.Speculation,
                    var other => throw word.Error(mapping, $"unknown need \"{other}\"; expected speculation"),
                };
                break;
            default:
                throw group.Error(item, "each word is a text or a mapping with word, rewrites and needs");
        }

        try
        {
            var forms = lemma is null ? InflectedForms.Parse(notation) : FormsOfLemma(lemma, kind);
            return new LexiconEntry(notation, forms, kind, category, rewrites, need);
        }
        catch (FormatException e)
        {
            throw group.Error(item, e.Message);
        }
    }

    /// <summary>
    /// The four forms (ms, fs, mp, fp) of a one-word lemma, from the French lexicon (rules/Morphology): an adjective
    /// for a trait, a noun for a label. A noun of one gender ("peste") takes the forms of that gender for both.
    /// </summary>
    /// <exception cref="FormatException">The lexicon has no such noun or adjective.</exception>
    private static InflectedForms FormsOfLemma(string lemma, LexiconKind kind)
    {
        var partOfSpeech = kind switch
        {
            LexiconKind.Trait => PartOfSpeech.Adjective,
            LexiconKind.Label => PartOfSpeech.Noun,
            _ => throw new FormatException($"\"lemma: {lemma}\": a phrase is written with \"word\", since the French lexicon inflects single words"),
        };
        var forms = new string?[4];
        for (var index = 0; index < 4; index++)
        {
            forms[index] = FrenchLexicon.Shared.Inflect(lemma, Agreement.FromIndex(index), partOfSpeech) is [var first, ..] ? first : null;
        }

        for (var index = 0; index < 4; index++)
        {
            // The other gender of the same number: index ^ 1 swaps ms/fs and mp/fp.
            forms[index] ??= forms[index ^ 1];
        }

        if (forms.Any(f => f is null))
        {
            throw new FormatException($"\"lemma: {lemma}\" is not {(partOfSpeech == PartOfSpeech.Noun ? "a noun" : "an adjective")} of the French lexicon, or has no singular and plural; write its forms with \"word\"");
        }

        return new InflectedForms([.. forms.Select(f => f!)]);
    }

    private List<RewriteTemplate> ResolveTemplates(YamlReader at, IReadOnlyList<string> names)
    {
        var templates = new List<RewriteTemplate>();
        foreach (var name in names)
        {
            templates.Add(Templates.TryGetValue(name, out var template)
                ? template
                : throw at.Error(at.Node, $"unknown rewrite template \"{name}\"; known: {string.Join(", ", Templates.Keys)}"));
        }

        return templates;
    }

    private void Index(LexiconEntry entry)
    {
        var table = _byKind[(int)entry.Kind];
        foreach (var group in Enumerable.Range(0, 4).GroupBy(i => WordSet.Key(entry.Forms.Forms[i])))
        {
            table.GetOrAdd(group.Key, static () => []).Add((entry, [.. group.Select(Agreement.FromIndex)]));
            _firstWordFilters[(int)entry.Kind].Add(group.Key.Split(' ')[0]);
        }
    }

    private void ReadGrammar(YamlReader root)
    {
        root.RejectUnknownKeys("intensifiers", "pre-nominal", "post-nominal", "speculation", "clinicians", "behaviours");
        foreach (var word in root.StringList("behaviours"))
        {
            Behaviours.Add(WordSet.Key(word));
        }

        foreach (var (key, set) in new[]
                 {
                     ("intensifiers", Intensifiers), ("pre-nominal", PreNominal), ("post-nominal", PostNominal),
                     ("speculation", Speculation), ("clinicians", Clinicians),
                 })
        {
            foreach (var phrase in root.StringList(key))
            {
                set.Add(phrase);
            }
        }
    }
}
