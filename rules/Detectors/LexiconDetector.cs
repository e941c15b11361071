using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// Runs every term rule of every pack in one pass: all phrases and antipatterns share one token trie.
/// A term match is dropped when an antipattern of the same rule covers it ("travaille à l'hôpital"), when a
/// longer match of the same rule overlaps it, or when the rule's required context words are missing. A term with
/// options (<see cref="TermOptions"/>) is checked on its matches only: its capitals or accents against the original
/// text, and its own context, which replaces the rule's.
/// </summary>
public sealed class LexiconDetector : IDetector
{
    private readonly TokenTrie<(int Rule, bool Anti, int Check)> _trie = new();
    private readonly List<RuleDefinition> _rules = [];

    // What some forms ask beyond their folded text (exact case or accents, their own context), indexed by the payload's
    // Check; forms that ask nothing carry -1 and cost nothing more.
    private readonly List<FormCheck> _checks = [];

    /// <summary>Builds the trie from the term rules among <paramref name="definitions"/>.</summary>
    public LexiconDetector(IEnumerable<RuleDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (definition.Matcher is not TermMatcher terms)
            {
                continue;
            }

            var index = _rules.Count;
            _rules.Add(definition);
            var forms = terms.TakeFoldedForms();
            for (var f = 0; f < forms.Terms.Count; f++)
            {
                var check = -1;
                if (f < forms.Checks.Count && forms.Checks[f] is { } formCheck)
                {
                    check = _checks.Count;
                    _checks.Add(formCheck);
                }

                _trie.Add(forms.Terms[f], (index, false, check));
            }

            foreach (var form in forms.Antipatterns)
            {
                _trie.Add(form, (index, true, -1));
            }
        }

        _trie.Freeze();
    }

    /// <summary>The number of term rules.</summary>
    public int RuleCount => _rules.Count;

    /// <summary>The number of phrase forms in the trie.</summary>
    public int FormCount => _trie.Count;

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (_rules.Count == 0 || context.TokenCount == 0)
        {
            return;
        }

        var matches = _trie.FindAll(context);
        if (matches.Count == 0)
        {
            return;
        }

        // The rules in the order of their first match, as grouping the matches by rule would give them.
        var rules = new List<int>(4);
        foreach (var match in matches)
        {
            if (!rules.Contains(match.Payload.Rule))
            {
                rules.Add(match.Payload.Rule);
            }
        }

        var antis = new List<PhraseMatch<(int Rule, bool Anti, int Check)>>();
        var candidates = new List<PhraseMatch<(int Rule, bool Anti, int Check)>>();
        var kept = new List<PhraseMatch<(int Rule, bool Anti, int Check)>>();
        foreach (var rule in rules)
        {
            // A rule that is switched off is still matched: its matches become silenced facts that the third-party
            // detector reads (FindingSink.SilencedFacts), and are never reported.
            var definition = _rules[rule];
            antis.Clear();
            candidates.Clear();
            kept.Clear();
            foreach (var match in matches)
            {
                if (match.Payload.Rule == rule)
                {
                    // A form whose capitals or accents the text does not have is no match at all, so that it
                    // neither hides a shorter match nor is reported.
                    if (match.Payload.Anti)
                    {
                        antis.Add(match);
                    }
                    else if (match.Payload.Check < 0 || (Passes(_checks[match.Payload.Check], context, match.FirstToken, match.EndToken)
                        && !GluedToAnotherWord(_checks[match.Payload.Check], context, matches, match)))
                    {
                        candidates.Add(match);
                    }
                }
            }

            // Leftmost first, the longest of those starting together first. Matches that compare equal are the same
            // phrase match, so an unstable sort keeps what a stable one keeps.
            candidates.Sort(static (a, b) => a.FirstToken != b.FirstToken
                ? a.FirstToken.CompareTo(b.FirstToken)
                : (b.EndToken - b.FirstToken).CompareTo(a.EndToken - a.FirstToken));
            foreach (var match in candidates)
            {
                if (IsCoveredByAnti(antis, match))
                {
                    continue;
                }

                if (kept.Count > 0 && kept[^1].EndToken > match.FirstToken)
                {
                    continue;
                }

                // A term's own context replaces the rule's: "blanc" needs a person, the rule's other adjectives
                // only a word of origin nearby.
                var requires = match.Payload.Check >= 0 && _checks[match.Payload.Check].Options.Requires is { } own ? own : definition.Requires;
                if (requires is not null && !ContextWords.AreNear(context, match.FirstToken, match.EndToken, requires))
                {
                    continue;
                }

                kept.Add(match);
                var span = context.OriginalSpan(match.FirstToken, match.EndToken);
                sink.ReportMatch(definition, context, span, match.FirstToken, match.EndToken);
            }
        }
    }

    private static bool Passes(FormCheck check, AnalysisContext context, int first, int end)
    {
        var options = check.Options;
        return !(options.ExactCase || options.ExactAccents)
            || ExactForm.Matches(check.Written, context.OriginalText(first, end), options.ExactCase, options.ExactAccents);
    }

    /// <summary>
    /// True when an acronym (a term with <c>case: exact</c>) is joined by a hyphen, a slash or a dot to a word the rule
    /// does not match: "FO" in "XSL-FO" and "ROM" in "CD-ROM" are parts of a technical name, while "CGT-FO" joins two
    /// unions.
    /// </summary>
    private static bool GluedToAnotherWord(FormCheck check, AnalysisContext context, List<PhraseMatch<(int Rule, bool Anti, int Check)>> matches, PhraseMatch<(int Rule, bool Anti, int Check)> match)
    {
        if (!check.Options.ExactCase)
        {
            return false;
        }

        var span = context.OriginalSpan(match.FirstToken, match.EndToken);
        var text = context.Text;
        var before = span.Start >= 2 && text[span.Start - 1] is '-' or '/' or '.' or '_' && char.IsLetterOrDigit(text[span.Start - 2]);
        var after = span.End + 1 < text.Length && text[span.End] is '-' or '/' or '.' or '_' && char.IsLetterOrDigit(text[span.End + 1]);
        // The joining character is a token of its own: the word it joins is one token further.
        return (before && !RuleMatchesToken(matches, match.Payload.Rule, match.FirstToken - 2))
            || (after && !RuleMatchesToken(matches, match.Payload.Rule, match.EndToken + 1));
    }

    private static bool RuleMatchesToken(List<PhraseMatch<(int Rule, bool Anti, int Check)>> matches, int rule, int token)
    {
        foreach (var other in matches)
        {
            if (other.Payload.Rule == rule && !other.Payload.Anti && other.FirstToken <= token && token < other.EndToken)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCoveredByAnti(List<PhraseMatch<(int Rule, bool Anti, int Check)>> antis, PhraseMatch<(int Rule, bool Anti, int Check)> match)
    {
        foreach (var anti in antis)
        {
            if (anti.FirstToken <= match.FirstToken && match.EndToken <= anti.EndToken)
            {
                return true;
            }
        }

        return false;
    }
}
