using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cnaemo.NoteLsp.Rules.Morphology;

/// <summary>Which look-ups <see cref="FrenchLexicon.Analyse(ReadOnlySpan{char}, Tolerance)"/> may try when the word is not found as written.</summary>
[Flags]
public enum Tolerance
{
    /// <summary>The word as written, then with its capitals lowered (as Grammalecte's getMorph does).</summary>
    None = 0,

    /// <summary>Restore missing accents and the ligatures œ and æ.</summary>
    Accents = 1,

    /// <summary>Undo one typing slip when exactly one form fits (the candidates are read with accents restored too).</summary>
    Typos = 2,

    /// <summary>
    /// Also read the word with accents restored when it is found as written: for text exported in capitals, where
    /// "AFFILIE" may be affilie or affilié and "INTERNE" interne or interné. Implies <see cref="Accents"/>.
    /// </summary>
    EveryAccentReading = 4,

    /// <summary>Accents and typing slips, each only when the word is not found otherwise.</summary>
    All = Accents | Typos,
}

/// <summary>
/// The French morphological layer: every word gets its lemma, part of speech, gender and number (person and tense
/// for verbs) from the Grammalecte/Dicollecte lexicon (about 513,000 forms, MPL 2.0; see LEXICON-LICENSE.md), and
/// nouns and adjectives can be inflected. The lexicon is embedded in the assembly and read once, on first use, in a
/// few milliseconds (figures in docs/performance.md). Pure, deterministic and safe to call from several threads.
/// </summary>
public sealed partial class FrenchLexicon
{
    private const string ResourceName = "Cnaemo.NoteLsp.Rules.Morphology.fr-lexicon.bin";
    private static readonly Lazy<FrenchLexicon> SharedLexicon = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LexiconGraph _graph;
    private readonly TolerantSearch _tolerant;

    // Inflection rules by the lemma ending they replace, each with its rank (0 = most frequent).
    private readonly Dictionary<string, List<(int Rank, string FormEnding)>> _rulesByLemmaEnding = new(StringComparer.Ordinal);
    private readonly int _longestLemmaEnding;

    private FrenchLexicon(LexiconGraph graph)
    {
        _graph = graph;
        _tolerant = new TolerantSearch(graph);
        for (var rank = 0; rank < graph.InflectionRules.Count; rank++)
        {
            var (lemmaEnding, formEnding) = graph.InflectionRules[rank];
            if (!_rulesByLemmaEnding.TryGetValue(lemmaEnding, out var list))
            {
                _rulesByLemmaEnding[lemmaEnding] = list = [];
            }

            list.Add((rank, formEnding));
            _longestLemmaEnding = Math.Max(_longestLemmaEnding, lemmaEnding.Length);
        }
    }

    /// <summary>The lexicon embedded in the assembly, read on first use.</summary>
    public static FrenchLexicon Shared => SharedLexicon.Value;

    /// <summary>Whether <see cref="Shared"/> has been read already (it is read on first use only).</summary>
    public static bool IsLoaded => SharedLexicon.IsValueCreated;

    /// <summary>Whether the graph is read in the assembly's mapped resource, with no copy (the embedded lexicon, when the runtime maps resources).</summary>
    public bool ReadsInPlace => _graph.ReadsInPlace;

    /// <summary>The source lexicon's name and date.</summary>
    public string Source => _graph.Description;

    /// <summary>Reads a lexicon from the generator's binary, copied once (tests and benchmarks; rules use <see cref="Shared"/>).</summary>
    public static unsafe FrenchLexicon FromBytes(ReadOnlySpan<byte> data)
    {
        // The pinned-object heap never moves the copy, so the graph may keep its address.
        var copy = GC.AllocateUninitializedArray<byte>(data.Length, pinned: true);
        data.CopyTo(copy);
        return new(LexiconGraph.Read((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(copy)), copy.Length, copy));
    }

    /// <summary>The embedded binary, as bytes.</summary>
    public static byte[] ReadEmbeddedBytes()
    {
        using var stream = OpenResource();
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static Stream OpenResource() =>
        typeof(FrenchLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException("the French lexicon is missing from the assembly");

    // The runtime hands embedded resources out as a stream over the mapped assembly: the graph reads them there,
    // with no copy, and the memory stays valid because the assembly is never unloaded.
    private static unsafe FrenchLexicon Load()
    {
        using var stream = OpenResource();
        if (stream is UnmanagedMemoryStream { PositionPointer: var pointer } mapped && mapped.Position == 0 && mapped.Length <= int.MaxValue)
        {
            return new(LexiconGraph.Read(pointer, (int)mapped.Length, owner: null));
        }

        return FromBytes(ReadEmbeddedBytes());
    }

    /// <summary>Whether the word is a form of the lexicon as written or with its capitals lowered (no accent is restored).</summary>
    public bool IsKnown(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        return _graph.IsFinal(_graph.Walk(word, lower: false))
            || (char.IsUpper(word[0]) && (_graph.IsFinal(_graph.Walk(word, lower: true)) || _graph.IsFinal(WalkCapitalised(word))));
    }

    /// <summary>
    /// Every reading of <paramref name="word"/>. The word as written and with its capitals lowered come first (as
    /// Grammalecte's getMorph gives them); only when they give nothing does the look-up restore accents, then undo a
    /// typing slip, as <paramref name="tolerance"/> allows. Each reading says how it was found (<see cref="MatchKind"/>),
    /// so that a rule can refuse the looser ones.
    /// </summary>
    public IReadOnlyList<WordAnalysis> Analyse(ReadOnlySpan<char> word, Tolerance tolerance = Tolerance.All)
    {
        if (word.IsEmpty || word.Length > 100)
        {
            return [];
        }

        var results = new List<WordAnalysis>();
        AddWalk(_graph.Walk(word, lower: false), word, lower: false, capitalise: false, MatchKind.Exact, results);
        if (char.IsUpper(word[0]))
        {
            AddWalk(_graph.Walk(word, lower: true), word, lower: true, capitalise: false, MatchKind.Case, results);
            if (word.Length > 1 && IsAllUpper(word))
            {
                AddWalk(WalkCapitalised(word), word, lower: true, capitalise: true, MatchKind.Case, results);
            }
        }

        var everyReading = tolerance.HasFlag(Tolerance.EveryAccentReading);
        if ((results.Count > 0 && !everyReading) || tolerance == Tolerance.None || word.Length > TolerantSearch.MaxLength)
        {
            return results;
        }

        var seen = new HashSet<string>(results.Select(r => r.Form), StringComparer.Ordinal);
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (tolerance.HasFlag(Tolerance.Accents) || everyReading)
        {
            _tolerant.Find(lower, MatchKind.Accents, results, seen);
            if (char.IsUpper(word[0]))
            {
                // Proper nouns keep their capital in the lexicon: "TOLEDE" is Tolède.
                lower[0] = word[0];
                _tolerant.Find(lower, MatchKind.Accents, results, seen);
                lower[0] = char.ToLowerInvariant(word[0]);
            }
        }

        if (results.Count == 0 && tolerance.HasFlag(Tolerance.Typos))
        {
            TypoSearch.Find(_tolerant, lower, tolerance.HasFlag(Tolerance.Accents), results);
        }

        return results;
    }

    /// <summary>
    /// What the word can be (parts of speech, agreements of its noun and adjective readings), without allocating:
    /// as written and with capitals lowered, then, if <paramref name="tolerance"/> has <see cref="Tolerance.Accents"/>
    /// and nothing was found, with accents restored. Typing slips are not tried here (see <see cref="Analyse"/>).
    /// </summary>
    public WordClass Classify(ReadOnlySpan<char> word, Tolerance tolerance = Tolerance.None)
    {
        var result = WordClass.Unknown;
        if (word.IsEmpty || word.Length > 100)
        {
            return result;
        }

        _graph.Classify(_graph.Walk(word, lower: false), MatchKind.Exact, ref result);
        if (char.IsUpper(word[0]))
        {
            _graph.Classify(_graph.Walk(word, lower: true), MatchKind.Case, ref result);
            if (word.Length > 1 && IsAllUpper(word))
            {
                _graph.Classify(WalkCapitalised(word), MatchKind.Case, ref result);
            }
        }

        var everyReading = tolerance.HasFlag(Tolerance.EveryAccentReading);
        if ((result.IsKnown && !everyReading) || !(tolerance.HasFlag(Tolerance.Accents) || everyReading) || word.Length > TolerantSearch.MaxLength)
        {
            return result;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        _tolerant.Classify(lower, ref result);
        return result;
    }

    /// <summary>The lemmas of the word's readings of <paramref name="partOfSpeech"/>, distinct, in reading order.</summary>
    public IReadOnlyList<string> Lemmas(ReadOnlySpan<char> word, PartOfSpeech partOfSpeech, Tolerance tolerance = Tolerance.All)
    {
        var lemmas = new List<string>();
        foreach (var reading in Analyse(word, tolerance))
        {
            if (reading.Is(partOfSpeech) && !lemmas.Contains(reading.Lemma))
            {
                lemmas.Add(reading.Lemma);
            }
        }

        return lemmas;
    }

    /// <summary>Whether the word starts with an h muet or an h aspiré, as the lexicon tags it; <see cref="InitialH.Unknown"/> for other words and unknown ones.</summary>
    public InitialH InitialHOf(ReadOnlySpan<char> word)
    {
        foreach (var reading in Analyse(word, Tolerance.Accents))
        {
            if (reading.Tag.InitialH != InitialH.Unknown)
            {
                return reading.Tag.InitialH;
            }
        }

        return InitialH.Unknown;
    }

    /// <summary>
    /// Whether a word before <paramref name="word"/> elides ("l'", "d'", "qu'"): it starts with a vowel, or with an
    /// h that the lexicon does not tag as aspiré ("l'homme", "le haricot"). A word starting with y does not elide
    /// ("le yaourt"). An unknown word starting with h is taken as h muet, the common case.
    /// </summary>
    public bool Elides(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        var first = TolerantSearch.Bare(char.ToLowerInvariant(word[0]));
        return first switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' or 'œ' or 'æ' => true,
            'h' => InitialHOf(word) != InitialH.Aspirated,
            _ => false,
        };
    }

    private void AddWalk(int node, ReadOnlySpan<char> word, bool lower, bool capitalise, MatchKind match, List<WordAnalysis> into)
    {
        if (!_graph.IsFinal(node))
        {
            return;
        }

        Span<char> form = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = lower && !(capitalise && i == 0) ? char.ToLowerInvariant(word[i]) : word[i];
            form[i] = c is '\'' or 'ʼ' or '‘' ? '’' : c;
        }

        var text = new string(form);
        if (!into.Exists(r => r.Form == text))
        {
            _graph.AddAnalyses(node, text, match, into);
        }
    }

    private int WalkCapitalised(ReadOnlySpan<char> word)
    {
        var first = _graph.ValueOf(word[0]);
        var node = first == 0 ? -1 : _graph.Step(LexiconGraph.Root, first);
        return _graph.WalkFrom(node, word[1..], lower: true);
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
