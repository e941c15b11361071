using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Rephrasing;

/// <summary>A copula found in a sentence: its token range, tense, person (0 = je … 5 = ils) and negation.</summary>
public readonly record struct CopulaMatch(int First, int End, Tense Tense, int Person);

/// <summary>
/// Recognises the copula and semi-copulas — être, sembler, paraître, se montrer, se révéler, s'avérer, rester,
/// devenir, avoir l'air — in every common tense, simple or compound ("a été", "s'est montrée", "est devenu").
/// Adverbs may stand inside a compound form ("a toujours été", "n'est pas devenu").
/// </summary>
public static class CopulaTable
{
    private static readonly Lazy<(Dictionary<string, (Tense, int)> Forms, int MaxTokens)> Table = new(Build);

    // The first word of every form: most tokens are not one, and the check costs no allocation.
    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> FirstWords = new(() =>
        Table.Value.Forms.Keys.Select(k => k.Split(' ')[0]).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());

    private static readonly Lazy<WordFilter> FirstWordFilter = new(() =>
    {
        var filter = new WordFilter();
        foreach (var key in Table.Value.Forms.Keys)
        {
            filter.Add(key.Split(' ')[0]);
        }

        return filter;
    });

    private static readonly Lazy<Dictionary<string, (Tense, int)>.AlternateLookup<ReadOnlySpan<char>>> FormLookup = new(() =>
        Table.Value.Forms.GetAlternateLookup<ReadOnlySpan<char>>());

    // For each place in a form, the words that stand there in some form: a filter per place, by the token's hash.
    private static readonly Lazy<WordFilter[]> WordsByPlace = new(() =>
    {
        var filters = new WordFilter[Table.Value.MaxTokens];
        for (var k = 0; k < filters.Length; k++)
        {
            filters[k] = new WordFilter();
        }

        foreach (var key in Table.Value.Forms.Keys)
        {
            var words = key.Split(' ');
            for (var k = 0; k < words.Length; k++)
            {
                filters[k].Add(words[k]);
            }
        }

        return filters;
    });

    // Persons in the order the table prefers when a form is ambiguous ("semble" is je or il): the third first.
    private static readonly int[] PersonPreference = [2, 5, 0, 1, 3, 4];

    /// <summary>The first words of every form: a token outside the filter starts no copula.</summary>
    internal static WordFilter FirstWordsOf => FirstWordFilter.Value;

    /// <summary>The copula starting at token <paramref name="index"/>, if any.</summary>
    public static CopulaMatch? Match(AnalysisContext context, int index, int end, WordSet adverbs)
    {
        if (index >= end || !FirstWordFilter.Value.MayContain(context.TokenHash(index)) || !FirstWords.Value.Contains(context.TokenText(index)))
        {
            return null;
        }

        var (forms, maxTokens) = Table.Value;
        Span<int> core = stackalloc int[8];
        var count = 0;
        var i = index;
        while (i < end && count < maxTokens)
        {
            var skip = count > 0 ? adverbs.MatchAt(context, i, end) : 0;
            if (skip > 0)
            {
                i += skip;
                continue;
            }

            // No form has this word at this place ("a" then "rencontré"): no longer form can match, so its keys
            // need not be written nor looked up.
            if (count > 0 && !WordsByPlace.Value[count].MayContain(context.TokenHash(i)))
            {
                break;
            }

            core[count++] = i++;
        }

        // The key of n core tokens is a prefix of the key of n + 1: write the longest once, look up its prefixes.
        Span<char> buffer = stackalloc char[WordSet.KeyBufferLength];
        Span<int> ends = stackalloc int[9];
        var fitted = 0;
        var length = 0;
        for (; fitted < count; fitted++)
        {
            var token = context.TokenText(core[fitted]);
            if (length + token.Length + 1 > buffer.Length)
            {
                break;
            }

            if (fitted > 0)
            {
                buffer[length++] = ' ';
            }

            token.CopyTo(buffer[length..]);
            length += token.Length;
            ends[fitted + 1] = length;
        }

        var lookup = FormLookup.Value;
        for (var n = count; n > 0; n--)
        {
            var found = n > fitted
                ? forms.TryGetValue(LongKey(context, core[..n]), out var entry)
                : lookup.TryGetValue(buffer[..ends[n]], out entry);
            if (found)
            {
                return new CopulaMatch(index, core[n - 1] + 1, entry.Item1, entry.Item2);
            }
        }

        return null;
    }

    // A key too long for the stack buffer, built as a string. It lives in its own method: a lambda in Match would make
    // the compiler allocate its closure on every call, match or not.
    private static string LongKey(AnalysisContext context, ReadOnlySpan<int> tokens)
    {
        var words = new string[tokens.Length];
        for (var k = 0; k < tokens.Length; k++)
        {
            words[k] = context.TokenText(tokens[k]).ToString();
        }

        return string.Join(' ', words);
    }

    private static (Dictionary<string, (Tense, int)>, int) Build()
    {
        var forms = new Dictionary<string, (Tense, int)>(StringComparer.Ordinal);
        void Add(string text, Tense tense, int person) => forms.TryAdd(WordSet.Key(text), (tense, person));

        foreach (var (simple, compound) in Conjugation.SimpleTenses)
        {
            foreach (var person in PersonPreference)
            {
                var etre = Conjugation.EtreForms(simple)[person];
                var avoir = Conjugation.AvoirForms(simple)[person];
                Add(etre, simple, person);
                Add(avoir + " été", compound, person);
                Add(avoir + " l'air", simple, person);
                Add(avoir + " eu l'air", compound, person);
                foreach (var verb in new[] { "sembler", "paraître" })
                {
                    Add(Conjugate(verb, simple, person), simple, person);
                    Add(avoir + (verb == "sembler" ? " semblé" : " paru"), compound, person);
                }

                foreach (var verb in new[] { "rester", "devenir", "se montrer", "se révéler", "s'avérer" })
                {
                    Add(Conjugate(verb, simple, person), simple, person);
                    var participle = verb switch { "devenir" => "devenu", "rester" => "resté", _ => verb[(verb.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace("er", "é", StringComparison.Ordinal) };
                    var reflexive = verb.StartsWith("se ", StringComparison.Ordinal) || verb.StartsWith("s'", StringComparison.Ordinal) ? "s'" : "";
                    if (verb == "s'avérer")
                    {
                        participle = "avéré";
                    }

                    foreach (var ending in new[] { "", "e", "s", "es" })
                    {
                        Add(reflexive + etre + " " + participle + ending, compound, person);
                    }
                }
            }
        }

        foreach (var infinitive in new[] { "être", "sembler", "paraître", "rester", "devenir", "se montrer", "se révéler", "s'avérer", "avoir l'air", "avoir été" })
        {
            Add(infinitive, Tense.Infinitif, 2);
        }

        Add("étant", Tense.ParticipePresent, 2);
        Add("ayant été", Tense.ParticipePresent, 2);
        return (forms, forms.Keys.Max(k => k.Count(c => c == ' ') + 1));
    }

    // Regular conjugation of the few verbs above, enough for their folded forms: accents vanish when folded,
    // so "révèle" and "révéle" need no special case.
    private static string Conjugate(string verb, Tense tense, int person)
    {
        var reflexive = "";
        if (verb.StartsWith("se ", StringComparison.Ordinal))
        {
            reflexive = "se ";
            verb = verb[3..];
        }
        else if (verb.StartsWith("s'", StringComparison.Ordinal))
        {
            reflexive = "s'";
            verb = verb[2..];
        }

        string[] endings;
        string stem;
        switch (verb)
        {
            case "paraître":
                (stem, endings) = tense switch
                {
                    Tense.Present => ("par", new[] { "ais", "ais", "aît", "aissons", "aissez", "aissent" }),
                    Tense.Imparfait => ("paraiss", new[] { "ais", "ais", "ait", "ions", "iez", "aient" }),
                    Tense.PasseSimple => ("par", new[] { "us", "us", "ut", "ûmes", "ûtes", "urent" }),
                    Tense.Futur => ("paraîtr", new[] { "ai", "as", "a", "ons", "ez", "ont" }),
                    Tense.Conditionnel => ("paraîtr", new[] { "ais", "ais", "ait", "ions", "iez", "aient" }),
                    _ => ("paraiss", new[] { "e", "es", "e", "ions", "iez", "ent" }),
                };
                break;
            case "devenir":
                (stem, endings) = tense switch
                {
                    Tense.Present => ("dev", new[] { "iens", "iens", "ient", "enons", "enez", "iennent" }),
                    Tense.Imparfait => ("deven", new[] { "ais", "ais", "ait", "ions", "iez", "aient" }),
                    Tense.PasseSimple => ("dev", new[] { "ins", "ins", "int", "înmes", "întes", "inrent" }),
                    Tense.Futur => ("deviendr", new[] { "ai", "as", "a", "ons", "ez", "ont" }),
                    Tense.Conditionnel => ("deviendr", new[] { "ais", "ais", "ait", "ions", "iez", "aient" }),
                    _ => ("dev", new[] { "ienne", "iennes", "ienne", "enions", "eniez", "iennent" }),
                };
                break;
            default:
                var root = verb[..^2];
                (stem, endings) = tense switch
                {
                    Tense.Present => (root, new[] { "e", "es", "e", "ons", "ez", "ent" }),
                    Tense.Imparfait => (root, new[] { "ais", "ais", "ait", "ions", "iez", "aient" }),
                    Tense.PasseSimple => (root, new[] { "ai", "as", "a", "âmes", "âtes", "èrent" }),
                    Tense.Futur => (verb, new[] { "ai", "as", "a", "ons", "ez", "ont" }),
                    Tense.Conditionnel => (verb, new[] { "ais", "ais", "ait", "ions", "iez", "aient" }),
                    _ => (root, new[] { "e", "es", "e", "ions", "iez", "ent" }),
                };
                break;
        }

        return reflexive + stem + endings[person];
    }
}
