using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>
/// One fact, one finding. "Le père est incarcéré depuis sa condamnation pour vol" is one criminal fact that three
/// rules flag (detention, procedure, offence); a writer shown three warnings for it reads a wall of yellow, and a
/// head of service who counts findings counts rules. This step turns the findings of one category that overlap, or
/// that stand close together in one clause of a sentence, into one finding whose <see cref="Finding.Parts"/> are the
/// rules' own findings.
/// <para>
/// What it guarantees, and a property test checks: two categories are never merged; every part's span lies inside
/// its group's span, so nothing flagged is hidden; grouping its own output changes nothing; and the parts, taken
/// together, are exactly the findings that were grouped. It is linear: findings are read once in order, and the
/// tokens looked at between two findings are bounded.
/// </para>
/// </summary>
public static class FindingGrouping
{
    // Two findings further apart than this, in tokens, are taken to speak of different facts even in one sentence:
    // the long sentences of social reports chain several facts about several people.
    private const int MaxTokensBetween = 12;

    // After a comma or one of these words, a definite or possessive determiner, a pronoun or a title starts a new
    // clause about someone else ("la mère est dépressive et le père alcoolique"), which is another fact. "un" and "une"
    // are left out: "une alcoolique et une droguée" coordinates two labels of one person more often than it names
    // another.
    private static readonly HashSet<string> Coordinators = new(StringComparer.Ordinal)
    {
        ",", "et", "mais", "puis", "ou", "tandis", "alors", "car", "donc", "quant", "ensuite",
    };

    private static readonly HashSet<string> SubjectOpeners = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "l'", "son", "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles", "on",
        "ce", "cette", "cet", "m", "mme", "mr", "madame", "monsieur", "mademoiselle", "mlle", "j'", "je", "nous", "vous",
    };

    /// <summary>
    /// Groups the findings of one block. <paramref name="sorted"/> is in document order (start, end, rule id) and its
    /// spans are relative to <paramref name="context"/>'s text; the result is in the same order.
    /// </summary>
    public static IReadOnlyList<Finding> Group(IReadOnlyList<Finding> sorted, AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentNullException.ThrowIfNull(context);
        if (sorted.Count < 2)
        {
            return sorted;
        }

        var open = new List<Finding>?[Categories.All.Count];
        var openEnd = new int[open.Length];
        var result = new List<Finding>(sorted.Count);
        var grouped = false;
        foreach (var finding in sorted)
        {
            var index = (int)finding.Category;
            if (open[index] is { } group && Joins(openEnd[index], finding, context))
            {
                group.Add(finding);
                openEnd[index] = Math.Max(openEnd[index], finding.Span.End);
                grouped = true;
                continue;
            }

            if (open[index] is { } closed)
            {
                result.Add(Build(closed, context.Text));
            }

            open[index] = [finding];
            openEnd[index] = finding.Span.End;
        }

        if (!grouped)
        {
            return sorted;
        }

        foreach (var group in open)
        {
            if (group is not null)
            {
                result.Add(Build(group, context.Text));
            }
        }

        return InOrder(result);
    }

    /// <summary>
    /// The finding of these parts, all of one category: the part itself when there is one, else one finding spanning
    /// them all. Parts that are already groups give their own parts, so that building twice gives the same finding.
    /// </summary>
    public static Finding Build(IReadOnlyList<Finding> parts, string text)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(text);
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var flat = InOrder(parts.SelectMany(p => p.RuleFindings).DistinctBy(p => (p.RuleId, p.Span)));
        if (flat.Count == 1)
        {
            return flat[0];
        }

        var category = flat[0].Category;
        if (flat.Any(p => p.Category != category))
        {
            throw new ArgumentException("A group holds findings of one category only.", nameof(parts));
        }

        // The most severe part gives the group its rule, and the first of them when several are as severe.
        var primary = flat[0];
        foreach (var part in flat)
        {
            if (part.Severity < primary.Severity)
            {
                primary = part;
            }
        }

        var span = TextSpan.FromBounds(flat.Min(p => p.Span.Start), flat.Max(p => p.Span.End));
        var qualifiers = flat.Select(p => p.Qualifier).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var words = flat.Select(p => WordsOf(text, p.Span)).Distinct(StringComparer.OrdinalIgnoreCase);
        var message = $"{category.GroupTitle()} : {string.Join(", ", words.Select(w => $"« {w} »"))}.";
        return new Finding(primary.Rule, span, primary.Severity, qualifiers.Count == 0 ? message : $"{message} {string.Join(" ", qualifiers)}", Union(flat, span))
        {
            Parts = flat,
            Qualifier = qualifiers.Count == 0 ? null : string.Join(" ", qualifiers),
        };
    }

    /// <summary>
    /// The finding without the parts that <paramref name="removed"/> selects (a suppression directive names rules, not
    /// groups): null when nothing is left, the part alone when one is, the group of the others otherwise.
    /// </summary>
    public static Finding? Without(Finding finding, Func<Finding, bool> removed, string text)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(removed);
        if (!finding.IsGrouped)
        {
            return removed(finding) ? null : finding;
        }

        var kept = finding.Parts.Where(p => !removed(p)).ToList();
        return kept.Count == finding.Parts.Count ? finding : kept.Count == 0 ? null : Build(kept, text);
    }

    /// <summary>Every rule's finding on its own, in document order: what the engine reports with grouping off.</summary>
    public static IReadOnlyList<Finding> Ungroup(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return InOrder(findings.SelectMany(f => f.RuleFindings));
    }

    private static bool Joins(int groupEnd, Finding next, AnalysisContext context)
    {
        if (next.Span.Start < groupEnd)
        {
            return true;
        }

        // Two identifiers, two typographic marks or two blanks to fill in one sentence are two things to change.
        if (next.Category is Category.Identifier or Category.Typography or Category.Placeholder)
        {
            return false;
        }

        var last = TokenAt(context, groupEnd - 1);
        var first = TokenAt(context, next.Span.Start);
        if (first - last > MaxTokensBetween + 1 || context.SentenceIndexOf(last) != context.SentenceIndexOf(first))
        {
            return false;
        }

        for (var k = last + 1; k < first; k++)
        {
            var token = context.TokenText(k);
            if (token is ";" || (Coordinators.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token) && StartsClause(context, k + 1, first)))
            {
                return false;
            }
        }

        return true;
    }

    // True when the token at 'at', or the one after a second coordinator, opens a clause with a subject of its own.
    private static bool StartsClause(AnalysisContext context, int at, int limit)
    {
        if (at > limit || at >= context.TokenCount)
        {
            return false;
        }

        var token = context.TokenText(at);
        if (token is "et" or "mais" or "puis" && at + 1 <= limit)
        {
            return StartsClause(context, at + 1, limit);
        }

        return SubjectOpeners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);
    }

    // The token that holds the offset, or the last one before it.
    private static int TokenAt(AnalysisContext context, int offset) =>
        Math.Clamp(context.TokenIndexAt(offset + 1) - 1, 0, Math.Max(0, context.TokenCount - 1));

    private static string WordsOf(string text, TextSpan span)
    {
        const int Longest = 40;
        var words = string.Join(' ', text.Substring(span.Start, span.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return words.Length <= Longest ? words : string.Concat(words.AsSpan(0, Longest).TrimEnd(), "…");
    }

    // The group's suggestions: first the rewrites of the whole span (a part that covers it), then each part's, for
    // its own words, in the order of the text; then the masks and removals, which stay mechanical.
    private static List<Suggestion> Union(IReadOnlyList<Finding> parts, TextSpan span)
    {
        var ordered = new List<Suggestion>();
        foreach (var kind in new[] { SuggestionKind.Rephrase, SuggestionKind.Mask, SuggestionKind.Remove })
        {
            foreach (var whole in new[] { true, false })
            {
                foreach (var part in parts)
                {
                    foreach (var suggestion in part.Suggestions)
                    {
                        var target = suggestion.Target(part.Span);
                        if (suggestion.Kind == kind && (target == span) == whole)
                        {
                            ordered.Add(suggestion with { Span = target == span ? null : target });
                        }
                    }
                }
            }
        }

        return [.. ordered.DistinctBy(s => (s.Span, s.Replacement, s.Kind))];
    }

    private static List<Finding> InOrder(IEnumerable<Finding> findings) =>
        [.. findings.OrderBy(f => f.Span.Start).ThenBy(f => f.Span.End).ThenBy(f => f.RuleId, StringComparer.Ordinal)];
}
