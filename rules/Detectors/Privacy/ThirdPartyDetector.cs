using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Privacy;

/// <summary>
/// Flags private facts about people other than the person the report is about: "la sœur de Madame est en
/// instance de divorce", "le voisin est au chômage", "son oncle, qui sort de prison". A third party is a noun
/// phrase from the pack's <c>persons</c> list standing as the subject or possessor of a private fact in the same
/// sentence. A private fact is either a phrase of the pack's <c>facts</c> list (divorce, chômage, dettes…) or a
/// finding of a special category (<c>fact-categories</c>) already reported in the block.
/// </summary>
/// <remarks>
/// The special-category findings come from the lexicon detector, which the catalog always runs first; this
/// detector reads them from the sink instead of matching the lexicons a second time. A person introduced by a
/// preposition such as "avec" or "chez" is a complement, not the subject of the fact ("elle vit chez sa tante
/// depuis son divorce"), unless a relative pronoun makes the fact about them ("chez sa tante, qui est au chômage").
/// </remarks>
public sealed partial class ThirdPartyDetector : IDetector
{
    private const int RelativeWindow = 3;
    private const int LinkWindow = 3;
    private const int AppositionWindow = 4;

    // Determiners and the few adjectives that stand before a kinship noun ("son nouveau compagnon", "sa petite sœur"):
    // skipped when looking for the preposition that would make the person a complement.
    private static readonly HashSet<string> NounPhraseOpeners = new(StringComparer.Ordinal)
    {
        "le", "la", "l'", "les", "sa", "son", "ses", "leur", "leurs", "un", "une", "des", "du", "ce", "cet", "cette",
        "ces", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "autre", "autres", "nouveau", "nouvel", "nouvelle",
        "ancien", "ancienne", "jeune", "petit", "petite", "grand", "grande",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup =
        NounPhraseOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly RuleDefinition _definition;
    private readonly TokenTrie<bool> _persons = new();
    private readonly TokenTrie<bool> _facts = new();

    // Kinship nouns written bare, as the head of a note line ("Père en prison.", "Maman a un cancer."): a person only
    // there, since inside a sentence the bare noun is an attribute or an apposition ("elle est mère de trois enfants").
    private readonly TokenTrie<bool> _barePersons = new();

    // Persons whose accents tell them from an ordinary word ("mémé" and "même" fold alike): their matches carry the
    // payload false and count only where the text has the accents (ExactForm), found here by their folded form.
    private readonly Dictionary<string, string> _accentedPersons = new(StringComparer.Ordinal);
    private readonly HashSet<string> _complementWords;
    private readonly HashSet<string> _relativeWords;
    private readonly HashSet<string> _linkWords;

    // People whose own fact may stand between a third party and the fact, or after it ("la mère accompagne sa fille à
    // ses séances d'orthophonie", "l'hospitalisation de leur fils"): the fact is theirs, not the third party's.
    private readonly HashSet<string> _otherPeople;
    private readonly HashSet<Category> _factCategories = [];

    /// <summary>Builds the detector from the rule's parameters.</summary>
    /// <exception cref="RulePackException">A parameter is missing or names an unknown category.</exception>
    public ThirdPartyDetector(RuleDefinition definition)
    {
        _definition = definition;
        var matcher = (CodeMatcher)definition.Matcher;
        var id = definition.Descriptor.Id;
        AddForms(_persons, Required(matcher, "persons", id));
        foreach (var form in matcher.List("persons-exact-accents").SelectMany(TermExpander.Expand))
        {
            var folded = FoldedText.Fold(form);
            _accentedPersons[folded] = form;
            _persons.Add(folded, false);
        }
        AddForms(_facts, matcher.List("facts"));
        AddForms(_barePersons, matcher.List("bare-persons"));
        _persons.Freeze();
        _facts.Freeze();
        _barePersons.Freeze();
        _complementWords = Folded(Required(matcher, "complement-words", id));
        _relativeWords = Folded(Required(matcher, "relative-words", id));
        _linkWords = Folded(Required(matcher, "link-words", id));
        _otherPeople = Folded(matcher.List("other-people"));
        foreach (var name in matcher.List("fact-categories"))
        {
            if (!Categories.TryParse(name, out var category))
            {
                throw new RulePackException($"{definition.Descriptor.Pack}: rule {id}: unknown category \"{name}\" in fact-categories");
            }

            _factCategories.Add(category);
        }
    }

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (!sink.IsEnabled(_definition.Descriptor) || context.TokenCount == 0)
        {
            return;
        }

        var found = WithTheirAccents(context, _persons.FindAll(context));
        AddBarePersons(context, found);
        var persons = Longest(found);
        if (persons.Count == 0)
        {
            return;
        }

        var facts = Longest(_facts.FindAll(context));
        facts.AddRange(SpecialCategoryFacts(context, sink));
        var reported = new HashSet<int>();
        foreach (var fact in facts.OrderBy(f => f.First))
        {
            var person = PersonConcernedBy(context, persons, fact);
            if (person < 0)
            {
                ReportThroughPronoun(context, persons, fact, reported, sink);
                continue;
            }

            if (!reported.Add(persons[person].First))
            {
                continue;
            }

            var first = ChainStart(context, persons, person);
            var span = context.OriginalSpan(first, persons[person].End);
            var who = context.Text.Substring(span.Start, span.Length);
            sink.Report(_definition.Descriptor, span, [], message: $"Information privée sur un tiers (« {who} ») : cette personne n'est pas celle que l'écrit concerne.");
        }
    }

    // The nearest third party before the fact in its sentence, as subject or possessor; else one named right
    // after it through "de" ("le divorce de sa sœur"). -1 when the fact concerns no third party.
    private int PersonConcernedBy(AnalysisContext context, List<TokenRange> persons, TokenRange fact)
    {
        var sentence = context.Sentences[context.SentenceIndexOf(fact.First)];
        var ownedAfter = IsOwnedAfter(context, fact.End, sentence.EndToken);
        for (var i = persons.Count - 1; i >= 0 && !ownedAfter; i--)
        {
            var person = persons[i];
            if (person.End <= fact.First && person.First >= sentence.FirstToken)
            {
                if (IsSubjectOrPossessor(context, person, fact) && !OpensClauseAboutSomeoneElse(context, person.End, fact.First)
                    && !NamesOtherPersonBetween(context, person.End, fact.First))
                {
                    return i;
                }
            }
        }

        for (var i = 0; i < persons.Count; i++)
        {
            var person = persons[i];
            if (person.First >= fact.End && person.First - fact.End <= LinkWindow && person.End <= sentence.EndToken
                && HasWordBetween(context, fact.End, person.First, _linkWords))
            {
                return i;
            }
        }

        return -1;
    }

    private bool IsSubjectOrPossessor(AnalysisContext context, TokenRange person, TokenRange fact)
    {
        // A fact right after the person qualifies them, whatever introduces the person ("pour son fils autiste",
        // "chez sa tante malade").
        if (fact.First == person.End)
        {
            return true;
        }

        var before = person.First - 1;
        while (before >= 0 && OpenerLookup.Contains(context.TokenText(before)))
        {
            before--;
        }

        if (before < 0 || !_complementWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.TokenText(before))
            || !IsPreposition(context, before))
        {
            return true;
        }

        // "chez sa tante, qui est au chômage": the relative clause makes the fact about the complement, and so does
        // an apposition right after a comma ("à son oncle, incarcéré à Fresnes").
        var limit = Math.Min(fact.First, person.End + RelativeWindow);
        return HasWordBetween(context, person.End, limit, _relativeWords)
            || (fact.First - person.End is > 0 and <= 2 && context.TokenIs(person.End, ","));
    }

    // "l'hospitalisation de leur fils": a person named through "de" right after the fact owns it.
    private bool IsOwnedAfter(AnalysisContext context, int factEnd, int sentenceEnd)
    {
        if (factEnd >= sentenceEnd || !_linkWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.TokenText(factEnd)))
        {
            return false;
        }

        var next = factEnd + 1;
        while (next < sentenceEnd && OpenerLookup.Contains(context.TokenText(next)))
        {
            next++;
        }

        return next < sentenceEnd && _otherPeople.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.TokenText(next));
    }

    // "La mère accompagne sa fille chez l'orthophoniste": another person between the third party and the fact, as
    // an object, is the one the fact is about. A person named through "de" belongs to the third party's phrase
    // ("la mère de l'enfant est alcoolique") and is no barrier, nor is one right after it, an apposition.
    private bool NamesOtherPersonBetween(AnalysisContext context, int from, int to)
    {
        var people = _otherPeople.GetAlternateLookup<ReadOnlySpan<char>>();
        var links = _linkWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = from; i < to; i++)
        {
            if (!people.Contains(context.TokenText(i)))
            {
                continue;
            }

            var before = i - 1;
            while (before >= from && OpenerLookup.Contains(context.TokenText(before)))
            {
                before--;
            }

            // Right after the third party, a person noun is an apposition ("sa sœur Julie"), not another person.
            if (before >= from && !links.Contains(context.TokenText(before)))
            {
                return true;
            }
        }

        return false;
    }

    // "Le père a indiqué que l'enfant est asthmatique": a clause opened by "que" with a subject of its own (a
    // determiner, a name, a title) speaks of that subject, not of the person who reports it. A subject pronoun after
    // "que" may take the person up ("la mère dit qu'elle est enceinte"), and one of the first or second person opens
    // a relative clause more often than a new topic ("sa mère, que je vois chaque semaine, a un cancer"): neither
    // is a barrier.
    private static bool OpensClauseAboutSomeoneElse(AnalysisContext context, int from, int to)
    {
        for (var i = from; i < to - 1; i++)
        {
            if ((context.TokenIs(i, "que") || context.TokenIs(i, "qu'"))
                && !IsSubjectPronoun(context.TokenText(i + 1)) && !NotThirdPersons.GetAlternateLookup<ReadOnlySpan<char>>().Contains(context.TokenText(i + 1)))
            {
                return true;
            }
        }

        return false;
    }

    // A bare kinship noun counts when it opens its sentence with a capital and is not followed by "de", which would
    // make it the description of the person written about ("Mère de trois enfants, Mme X…"), nor by a comma and a
    // pronoun, which makes it an apposition to that pronoun ("Mère célibataire, elle est suivie pour un diabète").
    private void AddBarePersons(AnalysisContext context, List<PhraseMatch<bool>> found)
    {
        foreach (var match in _barePersons.FindAll(context))
        {
            var sentence = context.Sentences[context.SentenceIndexOf(match.FirstToken)];
            if (match.FirstToken == sentence.FirstToken
                && char.IsUpper(context.Text[context.OriginalStart(match.FirstToken)])
                && !context.TokenIs(match.EndToken, "de") && !context.TokenIs(match.EndToken, "d'")
                && !IsApposition(context, match.EndToken, sentence.EndToken))
            {
                found.Add(match);
            }
        }
    }

    private static bool IsApposition(AnalysisContext context, int from, int sentenceEnd)
    {
        for (var i = from; i < Math.Min(sentenceEnd - 1, from + AppositionWindow); i++)
        {
            if (context.TokenIs(i, ","))
            {
                return IsSubjectPronoun(context.TokenText(i + 1));
            }
        }

        return false;
    }

    private static bool IsSubjectPronoun(ReadOnlySpan<char> word) =>
        word.SequenceEqual("il") || word.SequenceEqual("elle") || word.SequenceEqual("ils") || word.SequenceEqual("elles");

    // "a" folds like "à", but the verb ("A un frère jésuite") introduces no complement: only the written accent makes
    // the preposition. In a line of capitals without accents the word is read as the verb, which flags rather
    // than hides.
    private static bool IsPreposition(AnalysisContext context, int index)
    {
        if (!context.TokenIs(index, "a"))
        {
            return true;
        }

        var written = context.Text[context.OriginalStart(index)];
        return written is 'à' or 'À';
    }

    // "le compagnon de la tante": the whole chain names the third party.
    private int ChainStart(AnalysisContext context, List<TokenRange> persons, int index)
    {
        var first = persons[index].First;
        for (var i = index - 1; i >= 0; i--)
        {
            var previous = persons[i];
            if (first - previous.End > LinkWindow || !HasWordBetween(context, previous.End, first, _linkWords))
            {
                break;
            }

            first = previous.First;
        }

        return first;
    }

    private IEnumerable<TokenRange> SpecialCategoryFacts(AnalysisContext context, FindingSink sink)
    {
        var findings = sink.Findings;
        var count = findings.Count;
        for (var i = 0; i < count; i++)
        {
            var finding = findings[i];
            if (finding.Severity != Severity.Hint && _factCategories.Contains(finding.Category)
                && FactTokens(context, finding.Span) is { } range)
            {
                yield return range;
            }
        }

        // Facts of rules the user switched off count too: turning the health category off must not hide a relative's
        // illness, which is a third party's private life whatever the service records about the person described.
        foreach (var (category, span) in sink.SilencedFacts)
        {
            if (_factCategories.Contains(category) && FactTokens(context, span) is { } range)
            {
                yield return range;
            }
        }
    }

    private static TokenRange? FactTokens(AnalysisContext context, TextSpan span)
    {
        var first = context.TokenIndexAt(span.Start);
        var end = Math.Max(first + 1, context.TokenIndexAt(span.End));
        return first < context.TokenCount ? new TokenRange(first, Math.Min(end, context.TokenCount)) : null;
    }

    private static bool HasWordBetween(AnalysisContext context, int from, int to, HashSet<string> words)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = from; i < to && i < context.TokenCount; i++)
        {
            if (lookup.Contains(context.TokenText(i)))
            {
                return true;
            }
        }

        return false;
    }

    // Keeps the longest of overlapping matches, in text order.
    private static List<TokenRange> Longest(List<PhraseMatch<bool>> matches)
    {
        var kept = new List<TokenRange>();

        // In place and without a sorter for each block: the list is ours, and matches that compare equal have the same
        // tokens (their payload is always true), so an unstable sort keeps the same ranges as a stable one.
        matches.Sort(static (a, b) => a.FirstToken != b.FirstToken
            ? a.FirstToken.CompareTo(b.FirstToken)
            : (b.EndToken - b.FirstToken).CompareTo(a.EndToken - a.FirstToken));
        foreach (var match in matches)
        {
            if (kept.Count == 0 || kept[^1].End <= match.FirstToken)
            {
                kept.Add(new TokenRange(match.FirstToken, match.EndToken));
            }
        }

        return kept;
    }

    private static IReadOnlyList<string> Required(CodeMatcher matcher, string key, string id)
    {
        var values = matcher.List(key);
        return values.Count > 0 ? values : throw new RulePackException($"rule {id}: the third-party detector needs the \"{key}\" parameter");
    }

    private List<PhraseMatch<bool>> WithTheirAccents(AnalysisContext context, List<PhraseMatch<bool>> matches)
    {
        // Most blocks name no accented person: spare them the closure that RemoveAll would allocate.
        if (!matches.Exists(static match => !match.Payload))
        {
            return matches;
        }

        matches.RemoveAll(match => !match.Payload
            && _accentedPersons.TryGetValue(context.Folded.Value[context.TokenAt(match.FirstToken).Start..context.TokenAt(match.EndToken - 1).End], out var written)
            && !ExactForm.Matches(written, context.OriginalText(match.FirstToken, match.EndToken), exactCase: false, exactAccents: true));
        return matches;
    }

    private static void AddForms(TokenTrie<bool> trie, IEnumerable<string> patterns)
    {
        foreach (var form in patterns.SelectMany(TermExpander.Expand))
        {
            trie.Add(FoldedText.Fold(form), true);
        }
    }

    private static HashSet<string> Folded(IEnumerable<string> words) =>
        new(words.Select(FoldedText.Fold), StringComparer.Ordinal);

    private readonly record struct TokenRange(int First, int End);
}
