namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>
/// A lossy set of words (a one-hash Bloom filter) that answers "certainly absent" or "perhaps present"
/// from a hash each <see cref="AnalysisContext"/> computes once per token. Word sets, lexicons and tries test it before
/// their exact look-up: most tokens of a text are in none of them, and one bit test costs far less than hashing the
/// token's characters again for each set. A word that was added always answers "perhaps", so the filter can only
/// spare work, never change a result.
/// </summary>
public sealed class WordFilter
{
    private readonly ulong[] _bits;
    private readonly int _mask;

    /// <summary>A filter of 2^<paramref name="log2Bits"/> bits: about 16 bits per expected word keeps false "perhaps" rare.</summary>
    public WordFilter(int log2Bits = 13)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(log2Bits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(log2Bits, 24);
        _bits = new ulong[(1 << log2Bits) / 64];
        _mask = (1 << log2Bits) - 1;
    }

    /// <summary>Adds a word.</summary>
    public void Add(ReadOnlySpan<char> word)
    {
        var bit = Hash(word) & _mask;
        _bits[bit >> 6] |= 1UL << bit;
    }

    /// <summary>False when no word with hash <paramref name="hash"/> (from <see cref="Hash"/>) was added.</summary>
    // Inlined: detectors ask filters hundreds of thousands of times per document, and the call cost more than the test.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool MayContain(int hash)
    {
        var bit = hash & _mask;
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
    }

    /// <summary>
    /// The index of the first hash from <paramref name="from"/> on that the filter may contain, or -1. Word sets that
    /// test every token of a block call it on the block's hashes: the loop reads the bits without a call per token.
    /// </summary>
    public int IndexOfMayContain(ReadOnlySpan<int> hashes, int from = 0)
    {
        var bits = _bits;
        var mask = _mask;
        for (var i = from; i < hashes.Length; i++)
        {
            var bit = hashes[i] & mask;
            if ((bits[bit >> 6] & (1UL << bit)) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A filter that may contain every word any of <paramref name="filters"/> may contain (all of one size).</summary>
    public static WordFilter Union(params ReadOnlySpan<WordFilter> filters)
    {
        var union = new WordFilter(System.Numerics.BitOperations.Log2((uint)filters[0]._mask + 1));
        foreach (var filter in filters)
        {
            if (filter._mask != union._mask)
            {
                throw new ArgumentException("filters of different sizes cannot be joined", nameof(filters));
            }

            for (var i = 0; i < union._bits.Length; i++)
            {
                union._bits[i] |= filter._bits[i];
            }
        }

        return union;
    }

    /// <summary>The hash of a word: FNV-1a over its UTF-16 code units, then mixed so that its low bits vary.</summary>
    public static int Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7FFFFFFF);
    }
}
