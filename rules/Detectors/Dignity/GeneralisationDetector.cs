using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// Flags generalisations of behaviour. "constamment", "systématiquement" and the like always generalise.
/// "jamais" does unless it stands in a compound past ("n'a jamais été hospitalisé" is a fact). "toujours" is
/// ambiguous: it generalises after an action verb ("refuse toujours") or before a habit ("est toujours en retard",
/// "a toujours une excuse"), but means "still" after verbs of state ("habite toujours") and describes a possession
/// after "avoir" ("a toujours son téléphone"). The word lists come from the rule's parameters.
/// </summary>
public sealed class GeneralisationDetector : IDetector
{
    private static readonly HashSet<string> AvoirForms = new(StringComparer.Ordinal)
    {
        "ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions", "aviez", "avaient", "aurait", "auraient", "aura", "auront",
    };

    private static readonly HashSet<string> EtreForms = new(StringComparer.Ordinal)
    {
        "suis", "es", "est", "sommes", "etes", "sont", "etais", "etait", "etions", "etiez", "etaient", "sera", "seront", "serait", "seraient",
    };

    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "ne", "n'", "pas", "presque", "quasi", "pour", "depuis", "comme", "de", "et", "ou", "le", "la", "les", "un", "une", "des",
        "plus", "si", "pas", "non", "mais", "car", "que", "qu'", "il", "elle", "ils", "elles", "on", "je", "tu", "nous", "vous", "se", "s'",
    };

    private static readonly HashSet<string> NegativeHeads = new(StringComparer.Ordinal)
    {
        "rien", "personne", "aucun", "aucune", "nulle", "nul", "plus", "que", "qu'",
    };

    private static readonly int JamaisHash = WordFilter.Hash("jamais");
    private static readonly int ToujoursHash = WordFilter.Hash("toujours");

    private readonly RuleDefinition _definition;
    private readonly WordSet _always = new();
    private readonly WordSet _habits = new();
    private readonly WordSet _stillVerbs = new();
    private readonly WordSet _habitualStates = new();
    private readonly WordSet _habitualObjects = new();
    private readonly WordSet _movementParticiples = new();

    /// <summary>The name packs use in <c>code:</c>.</summary>
    public const string Name = "dignity-generalisation";

    /// <summary>Reads the word lists from the rule's parameters.</summary>
    public GeneralisationDetector(RuleDefinition definition)
    {
        _definition = definition;
        var matcher = (CodeMatcher)definition.Matcher;
        foreach (var (key, set) in new[] { ("always", _always), ("habits", _habits), ("still-verbs", _stillVerbs), ("habitual-states", _habitualStates), ("habitual-objects", _habitualObjects), ("compound-past-participles", _movementParticiples) })
        {
            foreach (var phrase in matcher.List(key))
            {
                set.Add(phrase);
            }
        }
    }

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (!sink.IsEnabled(_definition.Descriptor))
        {
            return;
        }

        foreach (var sentence in context.Sentences)
        {
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var (length, suggestions) = Classify(context, sentence, i);
                if (length == 0)
                {
                    continue;
                }

                if (!PersonSubjects.IsAboutPerson(context, sentence, i))
                {
                    i += length - 1;
                    continue;
                }

                var span = context.OriginalSpan(i, i + length);
                if (!context.IsQuoted(span))
                {
                    sink.Report(_definition.Descriptor, span, suggestions);
                }

                i += length - 1;
            }
        }
    }

    private (int Length, IReadOnlyList<Suggestion> Suggestions) Classify(AnalysisContext context, Sentence sentence, int i)
    {
        var always = _always.MatchAt(context, i, sentence.EndToken);
        if (always > 0)
        {
            return (always, Frequency(context, sentence, i));
        }

        // "ne cesse de", "passe son temps à", "des remarques incessantes": a habit said by a verb or an adjective,
        // which no adverb of frequency can replace without breaking the sentence, so no rewrite is offered.
        var habitPhrase = _habits.MatchAt(context, i, sentence.EndToken);
        if (habitPhrase > 0)
        {
            return (habitPhrase, []);
        }

        // Only "jamais" and "toujours" need the word before them; most tokens are neither, which their hash shows
        // without comparing characters.
        var hash = context.TokenHash(i);
        if (hash != JamaisHash && hash != ToujoursHash)
        {
            return (0, []);
        }

        var word = context.TokenText(i);
        if (word is not ("jamais" or "toujours"))
        {
            return (0, []);
        }

        if (IsNegatedOrCompared(context, sentence, i, word is "jamais"))
        {
            return (0, []);
        }

        var previous = PreviousWord(context, sentence, i);
        if (word is "jamais")
        {
            var compoundPast = previous is not null && EtreForms.Contains(previous) && i + 1 < sentence.EndToken
                && _movementParticiples.MatchAt(context, i + 1, i + 2) > 0;
            if (previous is not null && (AvoirForms.Contains(previous) || previous == "si") || compoundPast)
            {
                return (0, []);
            }

            return i + 1 < sentence.EndToken && NegativeHeads.Contains(context.TokenText(i + 1).ToString())
                ? (2, Rephrase(("Dire ce qui a été constaté", context.OriginalText(i + 1, i + 2) + " ([dates])"), ("Préciser les faits", "pas [préciser ce qui a été constaté et quand]")))
                : (1, EndsTheClause(context, sentence, i)
                    ? Rephrase(("Dire le fait sans généraliser", "pas"), ("Dire le fait et ses dates", "pas ([dates])"))
                    // "ne sont jamais disponibles": the dates cannot stand between "pas" and the adjective.
                    : Rephrase(("Dire le fait sans généraliser", "pas")));
        }

        if (previous is null || i + 1 >= sentence.EndToken)
        {
            return (0, []);
        }

        var next = i + 1;
        if (EtreForms.Contains(previous))
        {
            var habit = _habitualStates.MatchAt(context, next, sentence.EndToken) > 0
                || DignityLexicon.BuiltIn.Match(context, next, sentence.EndToken, LexiconKind.Trait) is not null;
            return habit ? (1, Frequency(context, sentence, i)) : (0, []);
        }

        if (AvoirForms.Contains(previous))
        {
            return _habitualObjects.MatchAt(context, next, sentence.EndToken) > 0 ? (1, Frequency(context, sentence, i)) : (0, []);
        }

        var verb = i - 1;
        while (verb > sentence.FirstToken && context.TokenText(verb) is "ne" or "n'" or "pas" or "presque")
        {
            verb--;
        }

        var isVerb = context.TokenAt(verb).Kind == TokenKind.Word && !NotVerbs.Contains(previous)
            && _stillVerbs.MatchAt(context, verb, verb + 1) == 0 && !previous.EndsWith('\'');
        return isVerb ? (1, Frequency(context, sentence, i)) : (0, []);
    }

    // "pas toujours" and "toujours pas" deny a habit or say "still not"; "comme toujours", "pour toujours",
    // "depuis toujours" and "à jamais" are set phrases; "plus que jamais" compares.
    private static bool IsNegatedOrCompared(AnalysisContext context, Sentence sentence, int i, bool jamais)
    {
        var before = i > sentence.FirstToken ? context.TokenText(i - 1).ToString() : "";
        var after = i + 1 < sentence.EndToken ? context.TokenText(i + 1).ToString() : "";
        if (jamais)
        {
            return before is "a" && i - 1 > sentence.FirstToken && context.TokenText(i - 2) is "a"
                || before is "que" or "qu'" && i - 1 > sentence.FirstToken && context.TokenText(i - 2) is "plus" or "moins" or "mieux" or "pire"
                || before is "a" && after is "" or "." or ",";
        }

        return before is "pas" or "comme" or "pour" or "depuis" or "de" or "d'" || after is "pas" or "plus";
    }

    private static string? PreviousWord(AnalysisContext context, Sentence sentence, int i)
    {
        for (var k = i - 1; k >= sentence.FirstToken; k--)
        {
            var token = context.TokenText(k).ToString();
            if (context.TokenAt(k).Kind == TokenKind.Punctuation)
            {
                return null;
            }

            if (token is not ("ne" or "n'" or "presque" or "quasi" or "pas"))
            {
                return token;
            }
        }

        return null;
    }

    private static bool EndsTheClause(AnalysisContext context, Sentence sentence, int index) =>
        index + 1 >= sentence.EndToken || context.TokenAt(index + 1).Kind == TokenKind.Punctuation;

    private static readonly IReadOnlyList<Suggestion> Frequencies = Rephrase(
        ("Donner la fréquence réelle", "à plusieurs reprises ([dates])"),
        ("Préciser la fréquence", "souvent ([fréquence])"));

    private static readonly IReadOnlyList<Suggestion> Often = Rephrase(("Préciser la fréquence", "souvent ([fréquence])"));

    /// <summary>
    /// The frequencies that fit where the generalisation stands. After an adverb of degree ("presque toujours",
    /// "quasi systématiquement") a frequency would read "presque souvent": there is none. Between "être" or "avoir"
    /// and what follows ("est toujours opposante", "a toujours une excuse") only "souvent" is French: "est à
    /// plusieurs reprises opposante" is not.
    /// </summary>
    private static IReadOnlyList<Suggestion> Frequency(AnalysisContext context, Sentence sentence, int i)
    {
        var before = i > sentence.FirstToken ? context.TokenText(i - 1).ToString() : "";
        if (before is "presque" or "quasi" or "quasiment" or "pratiquement" or "bien" or "si" or "aussi" or "plus" or "moins")
        {
            return [];
        }

        return PreviousWord(context, sentence, i) is { } previous && (EtreForms.Contains(previous) || AvoirForms.Contains(previous))
            ? Often
            : Frequencies;
    }

    private static IReadOnlyList<Suggestion> Rephrase(params (string Title, string Text)[] items) =>
        [.. items.Select(item => new Suggestion($"{item.Title} : « {item.Text} »", item.Text, SuggestionKind.Rephrase))];
}
