namespace Cnaemo.NoteLsp.Rules.Engine;

/// <summary>One suppression directive as written: where it is, its kind, and the text naming its targets.</summary>
/// <param name="Index">Where the directive starts (its <c>&lt;!--</c> or <c>//</c>).</param>
/// <param name="Length">Its length, up to the end of its line or its <c>--&gt;</c>.</param>
/// <param name="Kind"><c>disable-next-line</c>, <c>disable-line</c>, <c>disable</c> or <c>enable</c>.</param>
/// <param name="Targets">The raw text after the kind, empty when it names nothing.</param>
internal readonly record struct Directive(int Index, int Length, string Kind, string Targets);

/// <summary>
/// Finds suppression directives in one linear pass. It gives exactly the matches, in order, of the regular
/// expression it replaces, kept in the tests as the oracle:
/// <code>(?:&lt;!--|//)[ \t]*notelsp-(?&lt;kind&gt;disable-next-line|disable-line|disable|enable)(?&lt;targets&gt;[ \t,][^\n&gt;]*?)?[ \t]*(?:--&gt;|$)</code>
/// (multiline). The backtracking engine took quadratic time on long directive lines: at every character of the lazy
/// targets it re-scanned the run of spaces after it, and every failed directive re-scanned the line. Here each run of
/// spaces is looked at once, and a scan that failed at a <c>&gt;</c> tells every later directive of that stretch that
/// it fails too.
/// </summary>
internal static class DirectiveScanner
{
    private const string Marker = "notelsp-";
    private static readonly string[] Kinds = ["disable-next-line", "disable-line", "disable", "enable"];

    /// <summary>The directives of <paramref name="text"/>, left to right, never overlapping.</summary>
    public static List<Directive> Scan(string text)
    {
        var found = new List<Directive>();
        var searchFrom = 0;
        var dead = (From: -1, Until: -1);
        for (var marker = text.IndexOf(Marker, StringComparison.Ordinal); marker >= 0; marker = text.IndexOf(Marker, marker + 1, StringComparison.Ordinal))
        {
            var start = PrefixStart(text, marker);
            if (start < searchFrom)
            {
                continue;
            }

            if (TryMatchAt(text, marker + Marker.Length, ref dead) is not { } match)
            {
                continue;
            }

            found.Add(new Directive(start, match.End - start, match.Kind, match.Targets));
            searchFrom = match.End;
        }

        return found;
    }

    // Where "<!--" or "//" begins before the spaces that precede the marker; -1 when neither is there.
    private static int PrefixStart(string text, int marker)
    {
        var p = marker;
        while (p > 0 && text[p - 1] is ' ' or '\t')
        {
            p--;
        }

        if (p >= 4 && text.AsSpan(p - 4, 4).SequenceEqual("<!--"))
        {
            return p - 4;
        }

        return p >= 2 && text[p - 2] == '/' && text[p - 1] == '/' ? p - 2 : -1;
    }

    // dead: a stretch (From, Until] where the targets are known to fail: a scan from From met a ">" at Until with no
    // closing before it, and the closing at a position does not depend on where the targets began.
    private static (int End, string Kind, string Targets)? TryMatchAt(string text, int kindStart, ref (int From, int Until) dead)
    {
        // The alternation tries the kinds in order; a kind that matches as text but whose rest fails lets the next try.
        foreach (var kind in Kinds)
        {
            if (!text.AsSpan(kindStart).StartsWith(kind, StringComparison.Ordinal))
            {
                continue;
            }

            var q = kindStart + kind.Length;
            var knownToFail = q > dead.From && q <= dead.Until;
            if (!knownToFail && TryTargets(text, q, ref dead) is { } withTargets)
            {
                return (withTargets.End, kind, text[q..withTargets.TargetsEnd]);
            }

            // Without targets: spaces, then "-->" or the end of the line.
            if (Closing(text, SkipBlanks(text, q)) is { } end)
            {
                return (end, kind, string.Empty);
            }
        }

        return null;
    }

    // The targets group: one of " \t," then as few characters other than "\n" and ">" as let the closing match.
    private static (int TargetsEnd, int End)? TryTargets(string text, int q, ref (int From, int Until) dead)
    {
        if (q >= text.Length || text[q] is not (' ' or '\t' or ','))
        {
            return null;
        }

        var r = q + 1;
        while (true)
        {
            // Inside a run of spaces the closing is tried at the run's end, whichever space the targets stop at, so
            // the first position of the run where it holds is the run's start.
            var afterBlanks = SkipBlanks(text, r);
            if (Closing(text, afterBlanks) is { } end)
            {
                return (r, end);
            }

            if (afterBlanks > r)
            {
                r = afterBlanks;
                continue;
            }

            if (r >= text.Length || text[r] is '\n' or '>')
            {
                dead = (q, r);
                return null;
            }

            r++;
        }
    }

    private static int SkipBlanks(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    // The end of the match when "-->" or the end of a line ("$" in multiline mode: before "\n" or at the end) is at i.
    private static int? Closing(string text, int i)
    {
        if (i >= text.Length || text[i] == '\n')
        {
            return i;
        }

        return text.AsSpan(i).StartsWith("-->", StringComparison.Ordinal) ? i + 3 : null;
    }
}
