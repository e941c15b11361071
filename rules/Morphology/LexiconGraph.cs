using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cnaemo.NoteLsp.Rules.Morphology;

/// <summary>
/// Grammalecte's indexable word graph (a minimal automaton of every French form), read from the binary that
/// scripts/lexicon/build-lexicon.py writes. The walk is a port of graphspell/ibdawg.py (<c>lookup</c>, <c>_morph</c>):
/// a form is a path of character arcs from the root; at the end of a form, the arcs whose value is not a character
/// hold a suffix code (how to turn the form into its lemma), and the node they lead to holds the tags.
/// A node is named by the index of its first arc; arcs of one node are contiguous, the last one flagged.
/// Immutable after construction, so every method is safe to call from several threads.
/// </summary>
internal sealed unsafe class LexiconGraph
{
    private const ushort FinalNode = 0x8000;
    private const ushort LastArc = 0x4000;
    private const ushort ValueMask = 0x3FFF;

    // The arcs stay in the generator's bytes (5 per arc: u16 value and flags, u24 target), read where they are:
    // decoding them into arrays would double the memory and the time of the first read. For the embedded lexicon
    // the bytes are the assembly's own resource, mapped by the runtime and never unloaded, so only the pages that
    // look-ups visit are ever read; other bytes are copied once to the pinned-object heap (_owner keeps them alive).
    private readonly byte* _data;
    private readonly byte* _arcs;
    private readonly object? _owner;
    private readonly int _arcCount;
    private readonly char[] _chars;

    // The other values (suffix codes and tags) are decoded on first use, like the tags below: a text meets few of them.
    private readonly int[] _valueOffsets;
    private readonly string?[] _valueTexts;

    // Tags are parsed on first use (a document meets a few hundred of the 9,790); a parsed tag is published with one
    // reference write, so threads that race on it at worst parse it twice.
    private readonly TagBox?[] _tags;
    private readonly int _charCount;

    // The arc value of each UTF-16 code unit, 0 for a character the lexicon never uses. ASCII and typographic
    // apostrophes share the value of '’', the one the lexicon spells.
    private readonly ushort[] _valueOfChar = new ushort[char.MaxValue + 1];

    private LexiconGraph(byte* data, int arcsAt, object? owner, int arcCount, int[] valueOffsets, char[] chars,
        string description, (string LemmaEnding, string FormEnding)[] rules)
    {
        _data = data;
        _arcs = data + arcsAt;
        _owner = owner;
        _arcCount = arcCount;
        _chars = chars;
        _valueOffsets = valueOffsets;
        _valueTexts = new string?[valueOffsets.Length];
        _charCount = chars.Length;
        Description = description;
        InflectionRules = rules;
        for (var i = 0; i < chars.Length; i++)
        {
            _valueOfChar[chars[i]] = (ushort)(i + 1);
        }

        if (_valueOfChar['’'] != 0)
        {
            _valueOfChar['\''] = _valueOfChar['’'];
            _valueOfChar['ʼ'] = _valueOfChar['’'];
            _valueOfChar['‘'] = _valueOfChar['’'];
        }

        _tags = new TagBox?[valueOffsets.Length];

        // The root has an arc for nearly every character, so its steps are a table rather than a scan.
        _rootSteps = new int[_charCount + 1];
        Array.Fill(_rootSteps, -1);
        for (var arc = Root; ; arc++)
        {
            var raw = RawArc(arc);
            if ((raw & ValueMask) <= _charCount)
            {
                _rootSteps[raw & ValueMask] = Target(arc);
            }

            if ((raw & LastArc) != 0)
            {
                break;
            }
        }
    }

    private readonly int[] _rootSteps;

    // A value's text: a u16 byte length and UTF-8 bytes at its offset. Published with one reference write.
    private string ValueText(int value)
    {
        var text = Volatile.Read(ref _valueTexts[value]);
        if (text is null)
        {
            var at = _data + _valueOffsets[value];
            text = Encoding.UTF8.GetString(at + 2, at[0] | at[1] << 8);
            Volatile.Write(ref _valueTexts[value], text);
        }

        return text;
    }

    private sealed class TagBox(MorphTag tag)
    {
        public MorphTag Tag { get; } = tag;
    }

    // One unaligned 8-byte read per arc, in bounds: the index is checked here, and Read checked that 3 bytes follow
    // the last arc. A target outside the graph (a damaged resource) is an error, never a read elsewhere in memory.
    private ulong Record(int arc)
    {
        if ((uint)arc >= (uint)_arcCount)
        {
            throw new InvalidDataException("the embedded French lexicon has an arc outside the graph");
        }

        var record = Unsafe.ReadUnaligned<ulong>(_arcs + ((nint)arc * 5));
        return BitConverter.IsLittleEndian ? record : BinaryPrimitives.ReverseEndianness(record);
    }

    private ushort RawArc(int arc) => (ushort)Record(arc);

    private int Target(int arc) => (int)(Record(arc) >> 16) & 0xFFFFFF;

    /// <summary>The parsed tag of arc value <paramref name="value"/>.</summary>
    public MorphTag TagOf(int value)
    {
        var box = Volatile.Read(ref _tags[value]);
        if (box is null)
        {
            box = new TagBox(MorphTag.Parse(ValueText(value)));
            Volatile.Write(ref _tags[value], box);
        }

        return box.Tag;
    }

    /// <summary>The source lexicon's name and date, as recorded by the generator.</summary>
    public string Description { get; }

    /// <summary>Endings that turn a noun or adjective lemma into one of its forms, most frequent first.</summary>
    public IReadOnlyList<(string LemmaEnding, string FormEnding)> InflectionRules { get; }

    /// <summary>Whether the arcs are read in the assembly's mapped resource (true) or in a copy.</summary>
    public bool ReadsInPlace => _owner is null;

    /// <summary>The number of arcs, for the measurements of docs/performance.md.</summary>
    public int ArcCount => _arcCount;

    /// <summary>The root node.</summary>
    public const int Root = 0;

    /// <summary>The arc value of <paramref name="c"/>, or 0 when no form of the lexicon contains it.</summary>
    public int ValueOf(char c) => _valueOfChar[c];

    /// <summary>The character an arc value stands for (values 1..charCount).</summary>
    public char CharOf(int value) => _chars[value - 1];

    /// <summary>The number of character values.</summary>
    public int CharCount => _charCount;

    /// <summary>The node reached from <paramref name="node"/> by the arc of <paramref name="value"/>, or -1.</summary>
    public int Step(int node, int value)
    {
        if (node == Root && (uint)value < (uint)_rootSteps.Length)
        {
            return _rootSteps[value];
        }

        for (var arc = node; ; arc++)
        {
            var raw = RawArc(arc);
            if ((raw & ValueMask) == value)
            {
                return Target(arc);
            }

            if ((raw & LastArc) != 0)
            {
                return -1;
            }
        }
    }

    /// <summary>The node at the end of <paramref name="word"/>, or -1; with <paramref name="lower"/>, each character is lowered first.</summary>
    public int Walk(ReadOnlySpan<char> word, bool lower) => WalkFrom(Root, word, lower);

    /// <summary>The node reached from <paramref name="node"/> by the characters of <paramref name="word"/>, or -1.</summary>
    public int WalkFrom(int node, ReadOnlySpan<char> word, bool lower)
    {
        if (node < 0)
        {
            return -1;
        }

        foreach (var c in word)
        {
            var value = _valueOfChar[lower ? char.ToLowerInvariant(c) : c];
            if (value == 0 || (node = Step(node, value)) < 0)
            {
                return -1;
            }
        }

        return node;
    }

    /// <summary>Whether a form ends at <paramref name="node"/>.</summary>
    public bool IsFinal(int node) => node >= 0 && (RawArc(node) & FinalNode) != 0;

    /// <summary>The arcs of <paramref name="node"/> that spell characters: (value, target) pairs, in the stored order.</summary>
    public CharArcEnumerator CharArcs(int node) => new(this, node);

    /// <summary>
    /// Appends the analyses of the form <paramref name="form"/>, which ends at <paramref name="node"/>: one per
    /// (lemma, tag), in the order of Grammalecte's <c>_morph</c>.
    /// </summary>
    public void AddAnalyses(int node, string form, MatchKind match, List<WordAnalysis> into)
    {
        if (!IsFinal(node))
        {
            return;
        }

        for (var arc = node; ; arc++)
        {
            var raw = RawArc(arc);
            var value = raw & ValueMask;
            if (value > _charCount)
            {
                var lemma = ApplySuffixCode(form, ValueText(value));
                for (var tagArc = Target(arc); ; tagArc++)
                {
                    var tagRaw = RawArc(tagArc);
                    into.Add(new WordAnalysis(form, lemma, TagOf(tagRaw & ValueMask), match));
                    if ((tagRaw & LastArc) != 0)
                    {
                        break;
                    }
                }
            }

            if ((raw & LastArc) != 0)
            {
                return;
            }
        }
    }

    /// <summary>Adds what the form ending at <paramref name="node"/> is to <paramref name="into"/>, without allocating.</summary>
    public void Classify(int node, MatchKind match, ref WordClass into)
    {
        if (!IsFinal(node))
        {
            return;
        }

        for (var arc = node; ; arc++)
        {
            var raw = RawArc(arc);
            if ((raw & ValueMask) > _charCount)
            {
                for (var tagArc = Target(arc); ; tagArc++)
                {
                    var tagRaw = RawArc(tagArc);
                    into = into.With(TagOf(tagRaw & ValueMask), match);
                    if ((tagRaw & LastArc) != 0)
                    {
                        break;
                    }
                }
            }

            if ((raw & LastArc) != 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Whether the form ending at <paramref name="node"/> has a reading whose lemma is <paramref name="lemma"/>, of
    /// <paramref name="partOfSpeech"/>, for that gender and number: 0 when its tag has exactly them, 1 when it serves
    /// them as an epicene or invariable form, -1 when no reading fits. Allocates nothing (tags and suffix codes are cached).
    /// </summary>
    public int FitOf(int node, ReadOnlySpan<char> form, ReadOnlySpan<char> lemma, LexicalGender gender, LexicalNumber number, PartOfSpeech partOfSpeech)
    {
        if (!IsFinal(node))
        {
            return -1;
        }

        var best = -1;
        for (var arc = node; ; arc++)
        {
            var raw = RawArc(arc);
            var value = raw & ValueMask;
            if (value > _charCount && SuffixCodeGives(form, ValueText(value), lemma))
            {
                for (var tagArc = Target(arc); ; tagArc++)
                {
                    var tagRaw = RawArc(tagArc);
                    var tag = TagOf(tagRaw & ValueMask);
                    if ((tag.PartOfSpeech & partOfSpeech) != 0 && tag.Allows(gender) && tag.Allows(number))
                    {
                        var score = tag.Gender == gender && tag.Number == number ? 0 : 1;
                        best = best < 0 ? score : Math.Min(best, score);
                    }

                    if ((tagRaw & LastArc) != 0)
                    {
                        break;
                    }
                }
            }

            if ((raw & LastArc) != 0)
            {
                return best;
            }
        }
    }

    // Whether ApplySuffixCode(form, code) is lemma, without building the string.
    private static bool SuffixCodeGives(ReadOnlySpan<char> form, string code, ReadOnlySpan<char> lemma)
    {
        if (code == "0")
        {
            return form.SequenceEqual(lemma);
        }

        var strip = code[0] - '0';
        var kept = strip <= 0 ? form : form[..Math.Max(0, form.Length - strip)];
        var added = code.AsSpan(1);
        return lemma.Length == kept.Length + added.Length && lemma.StartsWith(kept) && lemma[kept.Length..].SequenceEqual(added);
    }

    // Grammalecte's changeWordWithSuffixCode: the first character says how many letters to strip ('0' = none,
    // ':' = 10...), the rest is appended; "0" alone means the lemma is the form.
    private static string ApplySuffixCode(string form, string code)
    {
        if (code == "0")
        {
            return form;
        }

        var strip = code[0] - '0';
        return strip <= 0
            ? string.Concat(form, code.AsSpan(1))
            : string.Concat(form.AsSpan(0, Math.Max(0, form.Length - strip)), code.AsSpan(1));
    }

    /// <summary>Reads the generator's binary (layout in scripts/lexicon/build-lexicon.py).</summary>
    /// <exception cref="InvalidDataException">The data is not a lexicon of the expected version.</exception>
    public static LexiconGraph Read(byte* data, int length, object? owner)
    {
        var bytes = new ReadOnlySpan<byte>(data, length);
        if (!bytes.StartsWith("CNLX"u8) || BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]) != 1)
        {
            throw new InvalidDataException("the embedded French lexicon has an unknown format");
        }

        var reader = new Reader(bytes);
        reader.Skip(6);
        var description = reader.String();
        var chars = new char[reader.UInt16()];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)reader.UInt16();
        }

        var valueOffsets = new int[reader.UInt16()];
        for (var i = 0; i < valueOffsets.Length; i++)
        {
            valueOffsets[i] = reader.Position;
            reader.Skip(reader.UInt16());
        }

        var affixCount = reader.UInt16();
        var arcCount = (int)reader.UInt32();
        var arcsAt = reader.Position;
        CheckArcs(bytes[arcsAt..], arcCount);
        reader.Skip(arcCount * 5);
        var rules = new (string, string)[reader.UInt16()];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = (reader.String(), reader.String());
        }

        _ = affixCount; // Values above the characters are suffix codes then tags; the walk tells them apart by position.
        return new LexiconGraph(data, arcsAt, owner, arcCount, valueOffsets, chars, description, rules);
    }

    // The arcs are read through a pointer, so their extent is checked here and each read checks its index
    // (Record): no scan of the whole graph, which would bring every page of it into memory.
    private static void CheckArcs(ReadOnlySpan<byte> arcs, int arcCount)
    {
        if (arcCount <= 0 || arcs.Length < (arcCount * 5) + 3 || (BinaryPrimitives.ReadUInt16LittleEndian(arcs[((arcCount - 1) * 5)..]) & LastArc) == 0)
        {
            throw new InvalidDataException("the embedded French lexicon is truncated");
        }
    }

    /// <summary>The character arcs of one node, without allocation.</summary>
    public struct CharArcEnumerator
    {
        private readonly LexiconGraph _graph;
        private int _arc;
        private bool _started;
        private bool _done;

        internal CharArcEnumerator(LexiconGraph graph, int node)
        {
            _graph = graph;
            _arc = node;
            _done = node < 0;
        }

        public readonly (int Value, int Target) Current => (_graph.RawArc(_arc) & ValueMask, _graph.Target(_arc));

        public readonly CharArcEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (!_done)
            {
                if (_started)
                {
                    if ((_graph.RawArc(_arc) & LastArc) != 0)
                    {
                        _done = true;
                        return false;
                    }

                    _arc++;
                }

                _started = true;
                if ((_graph.RawArc(_arc) & ValueMask) <= _graph._charCount)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public readonly int Position => _at;

        public void Skip(int count) => _at += count;

        public ushort UInt16()
        {
            var value = BinaryPrimitives.ReadUInt16LittleEndian(_data[_at..]);
            _at += 2;
            return value;
        }

        public uint UInt32()
        {
            var value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_at..]);
            _at += 4;
            return value;
        }

        public ReadOnlySpan<byte> Bytes(int count)
        {
            var bytes = _data.Slice(_at, count);
            _at += count;
            return bytes;
        }

        public string String() => Encoding.UTF8.GetString(Bytes(UInt16()));
    }
}
