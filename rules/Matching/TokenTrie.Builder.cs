using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>The trie as it is built, before <see cref="TokenTrie{TPayload}.Freeze"/> lays it out in flat arrays.</summary>
public sealed partial class TokenTrie<TPayload>
{
    // A node of the trie being built. These objects live only until the trie is frozen: each one holds a dictionary,
    // lists and its own word, which is what made the lexicon detector's trie cost several hundred bytes per form.
    private sealed class BuilderNode(string? word = null)
    {
        /// <summary>The word (or, for a prefix node, the prefix) that leads here from the parent; null for the root.</summary>
        public string? Word { get; } = word;

        /// <summary>The children by their word, in the order they were added.</summary>
        public Dictionary<string, BuilderNode>? Children { get; private set; }

        /// <summary>The prefix children in the order they were added (the order in which their matches are reported).</summary>
        public List<BuilderNode>? Prefixes { get; private set; }

        public List<TPayload>? Payloads { get; private set; }

        public BuilderNode GetOrAdd(string word)
        {
            Children ??= new Dictionary<string, BuilderNode>(StringComparer.Ordinal);
            if (!Children.TryGetValue(word, out var child))
            {
                Children[word] = child = new BuilderNode(word);
            }

            return child;
        }

        public BuilderNode GetOrAddPrefix(string prefix)
        {
            Prefixes ??= [];
            foreach (var existing in Prefixes)
            {
                if (existing.Word == prefix)
                {
                    return existing;
                }
            }

            var node = new BuilderNode(prefix);
            Prefixes.Add(node);
            return node;
        }

        public void AddPayload(TPayload payload) => (Payloads ??= []).Add(payload);
    }

    /// <summary>Adds a folded phrase. A word ending in <c>*</c> matches any word that starts with it.</summary>
    /// <exception cref="FormatException">The phrase has no word.</exception>
    /// <exception cref="InvalidOperationException">The trie is frozen (<see cref="Freeze"/>, or a search was made).</exception>
    public void Add(string foldedPhrase, TPayload payload)
    {
        lock (_gate)
        {
            var node = _builder ?? throw new InvalidOperationException("phrases cannot be added to a trie once it is frozen");
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
                    if (node == _builder)
                    {
                        _firstWords.Add(word);
                    }

                    node = node.GetOrAdd(word);
                }
            }

            node.AddPayload(payload);
            Count++;
        }
    }

    /// <summary>
    /// Lays the trie out in flat arrays and drops the nodes it was built from; no phrase can be added afterwards. The
    /// first search freezes the trie if its owner has not; owners that build a large trie freeze it themselves, so that
    /// the nodes are collected at once rather than kept until the first document.
    /// </summary>
    public void Freeze()
    {
        if (_frozen is null)
        {
            lock (_gate)
            {
                if (_frozen is null && _builder is { } root)
                {
                    _frozen = Layout(root);
                    _builder = null;
                }
            }
        }
    }

    private Frozen Current => _frozen ?? FreezeAndGet();

    private Frozen FreezeAndGet()
    {
        Freeze();
        return _frozen!;
    }

    // Numbers the nodes breadth first, so that the children of a node are consecutive: first its word children by
    // ascending hash (a search then needs a range and a binary search), then its prefix children by first character,
    // those sharing a first character in the order they were added.
    private static Frozen Layout(BuilderNode root)
    {
        var order = new List<BuilderNode> { root };
        var firstChild = new List<int>();
        var firstPrefix = new List<int>();
        for (var i = 0; i < order.Count; i++)
        {
            var node = order[i];
            firstChild.Add(order.Count);
            if (node.Children is { } children)
            {
                order.AddRange(children.Values.Select((child, added) => (child, added, hash: WordFilter.Hash(child.Word)))
                    .OrderBy(c => c.hash).ThenBy(c => c.added).Select(c => c.child));
            }

            firstPrefix.Add(order.Count);
            if (node.Prefixes is { } prefixes)
            {
                order.AddRange(prefixes.Select((child, added) => (child, added)).OrderBy(c => c.child.Word![0]).ThenBy(c => c.added).Select(c => c.child));
            }
        }

        firstChild.Add(order.Count);
        var count = order.Count;
        var hashes = new int[count];
        var wordStarts = new int[count];
        var wordLengths = new int[count];
        var payloadStarts = new int[count + 1];
        var payloads = new List<TPayload>();
        var pool = new System.Text.StringBuilder();
        var pooled = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var node = order[i];
            payloadStarts[i] = payloads.Count;
            if (node.Payloads is { } own)
            {
                payloads.AddRange(own);
            }

            if (node.Word is { } word)
            {
                // Words repeat across the trie ("de", "la", every inflection's ending): each is stored once.
                if (!pooled.TryGetValue(word, out var start))
                {
                    start = pool.Length;
                    pool.Append(word);
                    pooled[word] = start;
                }

                wordStarts[i] = start;
                wordLengths[i] = word.Length;
                hashes[i] = WordFilter.Hash(word);
            }
        }

        payloadStarts[count] = payloads.Count;
        return new Frozen(pool.ToString(), hashes, wordStarts, wordLengths, [.. firstChild], [.. firstPrefix], payloadStarts, [.. payloads]);
    }
}
