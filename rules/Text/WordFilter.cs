namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>
/// A lossy set of words (a one-hash Bloom filter of 8192 bits) that answers "certainly absent" or "perhaps present"
/// from a hash each <see cref="AnalysisContext"/> computes once per token. Word sets, lexicons and tries test it before
/// their exact look-up: most tokens of a text are in none of them, and one bit test costs far less than hashing the
/// token's characters again for each set. A word that was added always answers "perhaps", so the filter can only
/// spare work, never change a result.
/// </summary>
public sealed class WordFilter
{
    private const int BitCount = 1 << 13;
    private readonly ulong[] _bits = new ulong[BitCount / 64];

    /// <summary>Adds a word.</summary>
    public void Add(ReadOnlySpan<char> word)
    {
        var bit = Hash(word) & (BitCount - 1);
        _bits[bit >> 6] |= 1UL << bit;
    }

    /// <summary>False when no word with hash <paramref name="hash"/> (from <see cref="Hash"/>) was added.</summary>
    public bool MayContain(int hash)
    {
        var bit = hash & (BitCount - 1);
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
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
