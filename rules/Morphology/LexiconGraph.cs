using System.Buffers.Binary;
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
internal sealed class LexiconGraph
{
    private const ushort FinalNode = 0x8000;
    private const ushort LastArc = 0x4000;
    private const ushort ValueMask = 0x3FFF;

    private readonly ushort[] _arcValues;
    private readonly int[] _arcTargets;
    private readonly string[] _values;
    private readonly MorphTag[] _tags;
    private readonly int _charCount;
    private readonly int _affixCount;

    // The arc value of each UTF-16 code unit, 0 for a character the lexicon never uses. ASCII and typographic
    // apostrophes share the value of '’', the one the lexicon spells.
    private readonly ushort[] _valueOfChar = new ushort[char.MaxValue + 1];

    private LexiconGraph(ushort[] arcValues, int[] arcTargets, string[] values, char[] chars, int affixCount,
        string description, (string LemmaEnding, string FormEnding)[] rules)
    {
        _arcValues = arcValues;
        _arcTargets = arcTargets;
        _values = values;
        _charCount = chars.Length;
        _affixCount = affixCount;
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

        _tags = new MorphTag[values.Length];
        for (var v = _charCount + _affixCount + 1; v < values.Length; v++)
        {
            _tags[v] = MorphTag.Parse(values[v]);
        }
    }

    /// <summary>The source lexicon's name and date, as recorded by the generator.</summary>
    public string Description { get; }

    /// <summary>Endings that turn a noun or adjective lemma into one of its forms, most frequent first.</summary>
    public IReadOnlyList<(string LemmaEnding, string FormEnding)> InflectionRules { get; }

    /// <summary>The number of arcs, for the measurements of docs/performance.md.</summary>
    public int ArcCount => _arcValues.Length;

    /// <summary>The root node.</summary>
    public const int Root = 0;

    /// <summary>The arc value of <paramref name="c"/>, or 0 when no form of the lexicon contains it.</summary>
    public int ValueOf(char c) => _valueOfChar[c];

    /// <summary>The character an arc value stands for (values 1..charCount).</summary>
    public char CharOf(int value) => _values[value][0];

    /// <summary>The number of character values.</summary>
    public int CharCount => _charCount;

    /// <summary>The node reached from <paramref name="node"/> by the arc of <paramref name="value"/>, or -1.</summary>
    public int Step(int node, int value)
    {
        for (var arc = node; ; arc++)
        {
            var raw = _arcValues[arc];
            if ((raw & ValueMask) == value)
            {
                return _arcTargets[arc];
            }

            if ((raw & LastArc) != 0)
            {
                return -1;
            }
        }
    }

    /// <summary>The node at the end of <paramref name="word"/>, or -1; with <paramref name="lower"/>, each character is lowered first.</summary>
    public int Walk(ReadOnlySpan<char> word, bool lower)
    {
        var node = Root;
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
    public bool IsFinal(int node) => node >= 0 && (_arcValues[node] & FinalNode) != 0;

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
            var raw = _arcValues[arc];
            var value = raw & ValueMask;
            if (value > _charCount)
            {
                var lemma = ApplySuffixCode(form, _values[value]);
                for (var tagArc = _arcTargets[arc]; ; tagArc++)
                {
                    var tagRaw = _arcValues[tagArc];
                    into.Add(new WordAnalysis(form, lemma, _tags[tagRaw & ValueMask], match));
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
    public static LexiconGraph Read(ReadOnlySpan<byte> data)
    {
        var reader = new Reader(data);
        if (!data.StartsWith("CNLX"u8) || BinaryPrimitives.ReadUInt16LittleEndian(data[4..]) != 1)
        {
            throw new InvalidDataException("the embedded French lexicon has an unknown format");
        }

        reader.Skip(6);
        var description = reader.String();
        var chars = new char[reader.UInt16()];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)reader.UInt16();
        }

        var values = new string[reader.UInt16()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.String();
        }

        var affixCount = reader.UInt16();
        var arcCount = (int)reader.UInt32();
        var arcValues = new ushort[arcCount];
        var arcTargets = new int[arcCount];
        var arcs = reader.Bytes(arcCount * 5);
        for (var i = 0; i < arcCount; i++)
        {
            var record = arcs.Slice(i * 5, 5);
            arcValues[i] = BinaryPrimitives.ReadUInt16LittleEndian(record);
            arcTargets[i] = record[2] | record[3] << 8 | record[4] << 16;
        }

        var rules = new (string, string)[reader.UInt16()];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = (reader.String(), reader.String());
        }

        return new LexiconGraph(arcValues, arcTargets, values, chars, affixCount, description, rules);
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

        public readonly (int Value, int Target) Current => (_graph._arcValues[_arc] & ValueMask, _graph._arcTargets[_arc]);

        public readonly CharArcEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (!_done)
            {
                if (_started)
                {
                    if ((_graph._arcValues[_arc] & LastArc) != 0)
                    {
                        _done = true;
                        return false;
                    }

                    _arc++;
                }

                _started = true;
                if ((_graph._arcValues[_arc] & ValueMask) <= _graph._charCount)
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
