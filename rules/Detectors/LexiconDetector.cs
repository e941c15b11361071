using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// Runs every term rule of every pack in one pass: all phrases and antipatterns share one token trie.
/// A term match is dropped when an antipattern of the same rule covers it ("travaille à l'hôpital"), when a
/// longer match of the same rule overlaps it, or when the rule's required context words are missing.
/// </summary>
public sealed class LexiconDetector : IDetector
{
    private readonly TokenTrie<(int Rule, bool Anti)> _trie = new();
    private readonly List<RuleDefinition> _rules = [];

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
            foreach (var form in forms.Terms)
            {
                _trie.Add(form, (index, false));
            }

            foreach (var form in forms.Antipatterns)
            {
                _trie.Add(form, (index, true));
            }
        }
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

        var antis = new List<PhraseMatch<(int Rule, bool Anti)>>();
        var candidates = new List<PhraseMatch<(int Rule, bool Anti)>>();
        var kept = new List<PhraseMatch<(int Rule, bool Anti)>>();
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
                    (match.Payload.Anti ? antis : candidates).Add(match);
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

                if (definition.Requires is { } requires && !ContextWords.AreNear(context, match.FirstToken, match.EndToken, requires))
                {
                    continue;
                }

                kept.Add(match);
                var span = context.OriginalSpan(match.FirstToken, match.EndToken);
                sink.ReportMatch(definition, context, span, match.FirstToken, match.EndToken);
            }
        }
    }

    private static bool IsCoveredByAnti(List<PhraseMatch<(int Rule, bool Anti)>> antis, PhraseMatch<(int Rule, bool Anti)> match)
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
