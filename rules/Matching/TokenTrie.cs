using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>A phrase match: tokens <see cref="FirstToken"/> to <see cref="EndToken"/> (exclusive) and what matched.</summary>
public readonly record struct PhraseMatch<TPayload>(int FirstToken, int EndToken, TPayload Payload);

/// <summary>
/// A trie over folded tokens. Every phrase of every lexicon rule lives in one trie, so a block is matched in a single
/// pass over its tokens, whatever the number of rules: the cost grows with the text, not with the packs.
/// </summary>
/// <remarks>
/// Phrases are added to a tree of objects, which <see cref="Freeze"/> (or the first search) lays out in flat arrays of
/// integers and one string of every distinct word. The lexicon detector's trie holds tens of thousands of inflected
/// forms for as long as the server runs, and the arrays hold them in a fraction of the memory that a dictionary and
/// lists per node took; a search walks the same nodes in the same order, so the matches are the same.
/// </remarks>
public sealed partial class TokenTrie<TPayload>
{
    private readonly object _gate = new();
    private BuilderNode? _builder = new();
    private volatile Frozen? _frozen;

    // The words that can start a phrase (prefixes aside): most tokens of a text start none, and the filter says so
    // from the token's precomputed hash. The lexicon trie starts thousands of phrases, hence 65,536 bits (8 KB).
    private readonly WordFilter _firstWords = new(log2Bits: 16);

    /// <summary>The number of phrases added.</summary>
    public int Count { get; private set; }

    /// <summary>The number of nodes of the frozen trie, the root included (freezes it).</summary>
    public int NodeCount => Current.NodeCount;

    /// <summary>Every phrase that occurs in the tokens, with overlapping and nested matches all reported.</summary>
    public List<PhraseMatch<TPayload>> FindAll(string folded, IReadOnlyList<Token> tokens) =>
        FindAll(folded, tokens is List<Token> list ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list) : [.. tokens]);

    /// <summary>Every phrase that occurs in the tokens, with overlapping and nested matches all reported.</summary>
    public List<PhraseMatch<TPayload>> FindAll(string folded, ReadOnlySpan<Token> tokens)
    {
        var trie = Current;
        var hashes = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            hashes[i] = WordFilter.Hash(folded.AsSpan(tokens[i].Start, tokens[i].Length));
        }

        var matches = new List<PhraseMatch<TPayload>>();
        for (var start = 0; start < tokens.Length; start++)
        {
            trie.Walk(folded, tokens, hashes, start, start, 0, matches);
        }

        return matches;
    }

    /// <summary>Every phrase that occurs in the block's tokens, as <see cref="FindAll(string, ReadOnlySpan{Token})"/>.</summary>
    public List<PhraseMatch<TPayload>> FindAll(AnalysisContext context)
    {
        var trie = Current;
        var folded = context.Folded.Value;
        var tokens = context.TokenSpan;
        var hashes = context.TokenHashes;
        var matches = new List<PhraseMatch<TPayload>>();
        if (!trie.HasPrefixes(0))
        {
            // A token that starts no phrase cannot begin a match: the filter skips it without a call.
            for (var start = _firstWords.IndexOfMayContain(hashes); start >= 0; start = _firstWords.IndexOfMayContain(hashes, start + 1))
            {
                trie.Walk(folded, tokens, hashes, start, start, 0, matches);
            }

            return matches;
        }

        for (var start = 0; start < tokens.Length; start++)
        {
            // A token that starts no phrase and whose first character starts no prefix of the root cannot begin a
            // match: skip the walk. (The walk tests the prefixes themselves, so a token let through only costs time.)
            if (_firstWords.MayContain(hashes[start]) || trie.MayStartPrefix(folded[tokens[start].Start]))
            {
                trie.Walk(folded, tokens, hashes, start, start, 0, matches);
            }
        }

        return matches;
    }

    /// <summary>
    /// The frozen trie. Node 0 is the root. The children of node n are the nodes from <c>FirstChild[n]</c> to
    /// <c>FirstChild[n + 1]</c>: word children from <c>FirstChild[n]</c> to <c>FirstPrefix[n]</c>, by ascending hash,
    /// then prefix children, by first character. A node's word (or prefix) is <c>WordLengths[n]</c> characters of
    /// <c>Pool</c> from <c>WordStarts[n]</c>; its payloads are <c>Payloads</c> from <c>PayloadStarts[n]</c> to
    /// <c>PayloadStarts[n + 1]</c>.
    /// </summary>
    private sealed class Frozen(string pool, int[] hashes, int[] wordStarts, int[] wordLengths, int[] firstChild, int[] firstPrefix, int[] payloadStarts, TPayload[] payloads)
    {
        // A node with this many word children or fewer is searched from its first child on; beyond, by halves.
        private const int LinearSearchLimit = 8;

        // The root's prefix children for each ASCII first character, as a range: the root is asked for every token
        // of the text, and an array read costs less than a binary search.
        private readonly (int From, int To)[] _rootAscii = RootAscii(pool, wordStarts, firstPrefix[0], firstChild[1]);

        // The root's word children by hash, in an open-addressed table: entry k holds one more than the index of the
        // first child with some hash, 0 when empty. The lexicon trie's root has tens of thousands of children and is
        // asked for most tokens of a text; a probe of this table costs a few instructions where a binary search over
        // the children cost some sixteen steps.
        private readonly int[] _rootSlots = RootSlots(hashes, firstChild[0], firstPrefix[0]);

        public int NodeCount => hashes.Length;

        public bool HasPrefixes(int node) => firstPrefix[node] < firstChild[node + 1];

        private bool IsLeaf(int node) => firstChild[node] == firstChild[node + 1];

        public void Walk(string folded, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> hashesOfText, int start, int index, int node, List<PhraseMatch<TPayload>> matches)
        {
            if (index >= tokens.Length)
            {
                return;
            }

            var word = folded.AsSpan(tokens[index].Start, tokens[index].Length);
            // A node that ends phrases emits them; one that continues none (a leaf) needs no step further.
            var next = Child(node, word, hashesOfText[index]);
            if (next >= 0)
            {
                Emit(start, index + 1, next, matches);
                if (!IsLeaf(next))
                {
                    Walk(folded, tokens, hashesOfText, start, index + 1, next, matches);
                }
            }

            // Only the prefixes that begin with the word's first character can match: at the root, that spares a
            // comparison with every prefix of every rule for each token of the text.
            var (from, to) = PrefixRange(node, word);
            for (var child = from; child < to; child++)
            {
                if (word.StartsWith(pool.AsSpan(wordStarts[child], wordLengths[child]), StringComparison.Ordinal))
                {
                    Emit(start, index + 1, child, matches);
                    if (!IsLeaf(child))
                    {
                        Walk(folded, tokens, hashesOfText, start, index + 1, child, matches);
                    }
                }
            }
        }

        /// <summary>False when no prefix child of the root starts with <paramref name="first"/>.</summary>
        public bool MayStartPrefix(char first) => first >= 128 ? HasPrefixes(0) : _rootAscii[first].To > 0;

        /// <summary>The prefix children of <paramref name="node"/> whose first character is the word's, as a range.</summary>
        public (int From, int To) PrefixRange(int node, ReadOnlySpan<char> word)
        {
            var from = firstPrefix[node];
            var to = firstChild[node + 1];
            if (from == to || word.Length == 0)
            {
                return (0, 0);
            }

            var first = word[0];
            if (node == 0 && first < 128)
            {
                return _rootAscii[first];
            }

            var low = LowerBound(from, to, first);
            var high = low;
            while (high < to && pool[wordStarts[high]] == first)
            {
                high++;
            }

            return (low, high);
        }

        private int LowerBound(int from, int to, char first)
        {
            while (from < to)
            {
                var middle = from + ((to - from) / 2);
                if (pool[wordStarts[middle]] < first)
                {
                    from = middle + 1;
                }
                else
                {
                    to = middle;
                }
            }

            return from;
        }

        private int Child(int node, ReadOnlySpan<char> word, int hash)
        {
            if (node == 0)
            {
                return RootChild(word, hash);
            }

            var low = firstChild[node];
            var high = firstPrefix[node];
            if (high - low > LinearSearchLimit)
            {
                // The first child whose hash is not below the word's.
                while (low < high)
                {
                    var middle = low + ((high - low) / 2);
                    if (hashes[middle] < hash)
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                high = firstPrefix[node];
            }

            // Children that share a hash are consecutive: every one of them is compared.
            for (var child = low; child < high && hashes[child] <= hash; child++)
            {
                if (hashes[child] == hash && word.SequenceEqual(pool.AsSpan(wordStarts[child], wordLengths[child])))
                {
                    return child;
                }
            }

            return -1;
        }

        private int RootChild(ReadOnlySpan<char> word, int hash)
        {
            var slots = _rootSlots;
            var mask = slots.Length - 1;
            for (var slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask)
            {
                var child = slots[slot] - 1;
                if (hashes[child] != hash)
                {
                    continue;
                }

                // Children that share a hash are consecutive, from the one the table names.
                var end = firstPrefix[0];
                for (; child < end && hashes[child] == hash; child++)
                {
                    if (word.SequenceEqual(pool.AsSpan(wordStarts[child], wordLengths[child])))
                    {
                        return child;
                    }
                }

                return -1;
            }

            return -1;
        }

        private void Emit(int start, int end, int node, List<PhraseMatch<TPayload>> matches)
        {
            for (var p = payloadStarts[node]; p < payloadStarts[node + 1]; p++)
            {
                matches.Add(new PhraseMatch<TPayload>(start, end, payloads[p]));
            }
        }

        private static int[] RootSlots(int[] hashes, int from, int to)
        {
            // At least twice as many slots as children, a power of two, so that probes stay short and a mask wraps them.
            var size = 2;
            while (size < 2 * (to - from))
            {
                size *= 2;
            }

            var slots = new int[size];
            for (var child = from; child < to; child++)
            {
                if (child > from && hashes[child] == hashes[child - 1])
                {
                    continue;
                }

                var slot = hashes[child] & (size - 1);
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & (size - 1);
                }

                slots[slot] = child + 1;
            }

            return slots;
        }

        private static (int From, int To)[] RootAscii(string pool, int[] wordStarts, int from, int to)
        {
            var ranges = new (int From, int To)[128];
            for (var child = from; child < to; child++)
            {
                var first = pool[wordStarts[child]];
                if (first < 128)
                {
                    ranges[first] = ranges[first].To == 0 ? (child, child + 1) : (ranges[first].From, child + 1);
                }
            }

            return ranges;
        }
    }
}
