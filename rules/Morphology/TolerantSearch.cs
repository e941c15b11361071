namespace Cnaemo.NoteLsp.Rules.Morphology;

/// <summary>
/// Finds the forms of the lexicon that a word written without its accents could be: "demente" → démente,
/// "negligee" → négligée, "coeur" → cœur. The word is read once, left to right, with a bounded set of paths through
/// the graph (at most <see cref="MaxPaths"/> per position), so the cost is linear in the word whatever its vowels:
/// there is no exploration of every accent combination. A letter written with an accent only matches itself, so that
/// "même" is never read as "mémé".
/// </summary>
internal sealed class TolerantSearch
{
    /// <summary>Paths kept per position; more than any real French word needs (about five at the worst vowel).</summary>
    public const int MaxPaths = 24;

    /// <summary>Longer words are looked up as written only.</summary>
    public const int MaxLength = 40;

    private readonly LexiconGraph _graph;

    // For each unaccented lower-case letter, the arc values of the accented letters it may stand for.
    private readonly int[][] _accentedValues = new int[128][];
    private readonly int _oeValue;
    private readonly int _aeValue;

    public TolerantSearch(LexiconGraph graph)
    {
        _graph = graph;
        var byBase = new List<int>[128];
        for (var value = 1; value <= graph.CharCount; value++)
        {
            var c = graph.CharOf(value);
            var bare = Bare(c);
            if (bare != c && bare < 128)
            {
                (byBase[bare] ??= []).Add(value);
            }
        }

        for (var i = 0; i < 128; i++)
        {
            _accentedValues[i] = byBase[i]?.ToArray() ?? [];
        }

        _oeValue = graph.ValueOf('œ');
        _aeValue = graph.ValueOf('æ');
    }

    private struct Path
    {
        public int Node;
        public int Previous;
        public char Char;
    }

    /// <summary>Appends every form <paramref name="lower"/> (already in lower case) may stand for, with its analyses.</summary>
    public void Find(ReadOnlySpan<char> lower, MatchKind match, List<WordAnalysis> into, HashSet<string>? seenForms = null)
    {
        if (lower.IsEmpty || lower.Length > MaxLength)
        {
            return;
        }

        Span<Path> paths = stackalloc Path[(lower.Length + 1) * MaxPaths];
        Span<int> counts = stackalloc int[lower.Length + 1];
        Search(lower, paths, counts);
        Span<char> buffer = stackalloc char[MaxLength];
        for (var p = 0; p < counts[lower.Length]; p++)
        {
            var index = (lower.Length * MaxPaths) + p;
            if (!_graph.IsFinal(paths[index].Node))
            {
                continue;
            }

            var length = 0;
            for (var back = index; paths[back].Previous >= 0; back = paths[back].Previous)
            {
                buffer[length++] = paths[back].Char;
            }

            buffer[..length].Reverse();
            var form = new string(buffer[..length]);
            if (seenForms is null || seenForms.Add(form))
            {
                _graph.AddAnalyses(paths[index].Node, form, match, into);
            }
        }
    }

    /// <summary>Adds to <paramref name="into"/> what the forms <paramref name="lower"/> may stand for are, without allocating.</summary>
    public void Classify(ReadOnlySpan<char> lower, ref WordClass into)
    {
        if (lower.IsEmpty || lower.Length > MaxLength)
        {
            return;
        }

        Span<Path> paths = stackalloc Path[(lower.Length + 1) * MaxPaths];
        Span<int> counts = stackalloc int[lower.Length + 1];
        Search(lower, paths, counts);
        for (var p = 0; p < counts[lower.Length]; p++)
        {
            _graph.Classify(paths[(lower.Length * MaxPaths) + p].Node, MatchKind.Accents, ref into);
        }
    }

    private void Search(ReadOnlySpan<char> lower, Span<Path> paths, Span<int> counts)
    {
        counts.Clear();
        paths[0] = new Path { Node = LexiconGraph.Root, Previous = -1 };
        counts[0] = 1;
        for (var at = 0; at < lower.Length; at++)
        {
            var c = lower[at];
            var exact = _graph.ValueOf(c);
            var accented = c < 128 ? _accentedValues[c] : [];
            var ligature = at + 1 < lower.Length && lower[at + 1] == 'e' ? c == 'o' ? _oeValue : c == 'a' ? _aeValue : 0 : 0;
            for (var p = 0; p < counts[at]; p++)
            {
                var index = (at * MaxPaths) + p;
                foreach (var (value, target) in _graph.CharArcs(paths[index].Node))
                {
                    if (value == exact || (accented.Length > 0 && Array.IndexOf(accented, value) >= 0))
                    {
                        Add(paths, counts, at + 1, target, index, _graph.CharOf(value));
                    }
                    else if (value == ligature && ligature != 0)
                    {
                        Add(paths, counts, at + 2, target, index, _graph.CharOf(value));
                    }
                }
            }
        }
    }

    private static void Add(Span<Path> paths, Span<int> counts, int at, int node, int previous, char c)
    {
        if (counts[at] < MaxPaths)
        {
            paths[at * MaxPaths + counts[at]++] = new Path { Node = node, Previous = previous, Char = c };
        }
    }

    /// <summary>The letter without its accent (lower-case Latin letters only; others are returned unchanged).</summary>
    public static char Bare(char c) => c switch
    {
        'à' or 'â' or 'ä' or 'á' or 'ã' or 'å' or 'ā' => 'a',
        'é' or 'è' or 'ê' or 'ë' or 'ē' => 'e',
        'î' or 'ï' or 'í' or 'ì' or 'ī' => 'i',
        'ô' or 'ö' or 'ó' or 'ò' or 'õ' or 'ō' => 'o',
        'ù' or 'û' or 'ü' or 'ú' or 'ū' => 'u',
        'ç' or 'ć' => 'c',
        'ÿ' or 'ý' => 'y',
        'ñ' or 'ń' => 'n',
        'š' => 's',
        _ => c,
    };
}
