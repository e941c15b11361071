using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>A phrase match: tokens <see cref="FirstToken"/> to <see cref="EndToken"/> (exclusive) and what matched.</summary>
public readonly record struct PhraseMatch<TPayload>(int FirstToken, int EndToken, TPayload Payload);

/// <summary>
/// A trie over folded tokens. Every phrase of every lexicon rule lives in one trie, so a block is matched in a single
/// pass over its tokens, whatever the number of rules: the cost grows with the text, not with the packs.
/// </summary>
public sealed class TokenTrie<TPayload>
{
    private readonly Node _root = new();

    // The words that can start a phrase (prefixes aside): most tokens of a text start none, and the filter says so
    // from the token's precomputed hash. The lexicon trie starts thousands of phrases, hence 65,536 bits (8 KB).
    private readonly WordFilter _firstWords = new(log2Bits: 16);

    /// <summary>The number of phrases added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a folded phrase. A word ending in <c>*</c> matches any word that starts with it.</summary>
    public void Add(string foldedPhrase, TPayload payload)
    {
        var node = _root;
        var tokens = Tokenizer.Tokenize(foldedPhrase);
        if (tokens.Count == 0)
        {
            throw new FormatException($"empty phrase \"{foldedPhrase}\"");
        }

        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var word = foldedPhrase[token.Start..token.End];
            var isPrefix = token.End < foldedPhrase.Length && foldedPhrase[token.End] == '*';
            if (isPrefix)
            {
                node = node.GetOrAddPrefix(word);
            }
            else if (word == "*")
            {
                continue;
            }
            else
            {
                if (node == _root)
                {
                    _firstWords.Add(word);
                }

                node = node.GetOrAdd(word);
            }
        }

        node.Payloads.Add(payload);
        Count++;
    }

    /// <summary>Every phrase that occurs in the tokens, with overlapping and nested matches all reported.</summary>
    public List<PhraseMatch<TPayload>> FindAll(string folded, IReadOnlyList<Token> tokens) =>
        FindAll(folded, tokens is List<Token> list ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list) : [.. tokens]);

    /// <summary>Every phrase that occurs in the tokens, with overlapping and nested matches all reported.</summary>
    public List<PhraseMatch<TPayload>> FindAll(string folded, ReadOnlySpan<Token> tokens)
    {
        var hashes = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            hashes[i] = WordFilter.Hash(folded.AsSpan(tokens[i].Start, tokens[i].Length));
        }

        var matches = new List<PhraseMatch<TPayload>>();
        for (var start = 0; start < tokens.Length; start++)
        {
            Walk(folded, tokens, hashes, start, start, _root, matches);
        }

        return matches;
    }

    /// <summary>Every phrase that occurs in the block's tokens, as <see cref="FindAll(string, ReadOnlySpan{Token})"/>.</summary>
    public List<PhraseMatch<TPayload>> FindAll(AnalysisContext context)
    {
        var folded = context.Folded.Value;
        var tokens = context.TokenSpan;
        var hashes = context.TokenHashes;
        var matches = new List<PhraseMatch<TPayload>>();
        var rootHasPrefixes = _root.HasPrefixes;
        for (var start = 0; start < tokens.Length; start++)
        {
            // A token that starts no phrase and no prefix of the root cannot begin a match: skip the walk.
            if (_firstWords.MayContain(hashes[start])
                || (rootHasPrefixes && _root.PrefixesStartingWith(folded.AsSpan(tokens[start].Start, tokens[start].Length)) is not null))
            {
                Walk(folded, tokens, hashes, start, start, _root, matches);
            }
        }

        return matches;
    }

    private static void Walk(string folded, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> hashes, int start, int index, Node node, List<PhraseMatch<TPayload>> matches)
    {
        if (index >= tokens.Length)
        {
            return;
        }

        var word = folded.AsSpan(tokens[index].Start, tokens[index].Length);
        // A node that ends phrases emits them; one that continues none (a leaf) needs no step further.
        if (node.TryGet(word, hashes[index], out var next))
        {
            Emit(start, index + 1, next, matches);
            if (!next.IsLeaf)
            {
                Walk(folded, tokens, hashes, start, index + 1, next, matches);
            }
        }

        // Only the prefixes that begin with the word's first character can match: at the root, that spares a
        // comparison with every prefix of every rule for each token of the text.
        if (node.PrefixesStartingWith(word) is { } prefixes)
        {
            foreach (var (prefix, child) in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(prefixes))
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    Emit(start, index + 1, child, matches);
                    if (!child.IsLeaf)
                    {
                        Walk(folded, tokens, hashes, start, index + 1, child, matches);
                    }
                }
            }
        }
    }

    private static void Emit(int start, int end, Node node, List<PhraseMatch<TPayload>> matches)
    {
        foreach (var payload in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(node.Payloads))
        {
            matches.Add(new PhraseMatch<TPayload>(start, end, payload));
        }
    }

    private sealed class Node(string? word = null, int hash = 0)
    {
        // Children by the hash of their word (WordFilter.Hash), which the text's tokens carry already: an integer key
        // spares hashing the token's characters again at every step. Children whose hash another child has are kept
        // aside, and every candidate's word is compared.
        private Dictionary<int, Node>? _children;
        private List<Node>? _sameHash;

        // Prefixes in the order they were added, grouped by their first character; empty prefixes are not stored
        // (a lone "*" is skipped when the phrase is added).
        private Dictionary<char, List<(string Prefix, Node Child)>>? _prefixes;

        // The same buckets for ASCII first characters, by index: the root is asked for every token of the text, and
        // an array read costs less than a dictionary probe.
        private List<(string Prefix, Node Child)>?[]? _asciiPrefixes;

        public List<TPayload> Payloads { get; } = [];

        /// <summary>The word that leads to this node from its parent; null for the root and prefix nodes.</summary>
        public string? Word { get; } = word;

        public int Hash { get; } = hash;

        /// <summary>True when some prefix term continues from this node.</summary>
        public bool HasPrefixes => _prefixes is not null;

        /// <summary>True when no phrase continues past this node: no child word and no prefix.</summary>
        public bool IsLeaf => _children is null && _prefixes is null;

        public Node GetOrAdd(string word)
        {
            var hash = WordFilter.Hash(word);
            if (TryGet(word, hash, out var existing))
            {
                return existing;
            }

            var child = new Node(word, hash);
            _children ??= [];
            if (!_children.TryAdd(hash, child))
            {
                (_sameHash ??= []).Add(child);
            }

            return child;
        }

        public Node GetOrAddPrefix(string prefix)
        {
            _prefixes ??= [];
            if (!_prefixes.TryGetValue(prefix[0], out var bucket))
            {
                _prefixes[prefix[0]] = bucket = [];
                if (prefix[0] < 128)
                {
                    (_asciiPrefixes ??= new List<(string Prefix, Node Child)>?[128])[prefix[0]] = bucket;
                }
            }

            foreach (var (existing, child) in bucket)
            {
                if (existing == prefix)
                {
                    return child;
                }
            }

            var node = new Node();
            bucket.Add((prefix, node));
            return node;
        }

        /// <summary>The prefixes that could start <paramref name="word"/>, or null.</summary>
        public List<(string Prefix, Node Child)>? PrefixesStartingWith(ReadOnlySpan<char> word)
        {
            if (_prefixes is null || word.Length == 0)
            {
                return null;
            }

            var first = word[0];
            if (first < 128)
            {
                return _asciiPrefixes?[first];
            }

            return _prefixes.TryGetValue(first, out var bucket) ? bucket : null;
        }

        public bool TryGet(ReadOnlySpan<char> word, int hash, out Node next)
        {
            if (_children is not null && _children.TryGetValue(hash, out var found))
            {
                if (word.SequenceEqual(found.Word))
                {
                    next = found;
                    return true;
                }

                if (_sameHash is not null)
                {
                    foreach (var other in _sameHash)
                    {
                        if (other.Hash == hash && word.SequenceEqual(other.Word))
                        {
                            next = other;
                            return true;
                        }
                    }
                }
            }

            next = null!;
            return false;
        }
    }
}
