namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>
/// Folded phrases indexed by the <see cref="WordFilter.Hash"/> of their first token, for finding the longest phrase
/// that starts at a token of an <see cref="AnalysisContext"/>. The context has hashed every token once, so a look-up
/// costs an integer dictionary probe and, for the few candidates, a comparison of hashes then of characters: no key is
/// written and no string is hashed again. Two phrases match the same tokens only if they are equal, so the result is
/// the one a look-up of the joined key would give.
/// </summary>
/// <typeparam name="TPayload">What a phrase carries (the entries of a lexicon, or nothing).</typeparam>
internal sealed class PhraseIndex<TPayload>
{
    private readonly Dictionary<int, Phrase[]> _byFirstHash = [];

    /// <summary>The number of tokens of the longest phrase.</summary>
    public int MaxTokens { get; private set; }

    /// <summary>
    /// The payload of <paramref name="key"/> (folded tokens joined by single spaces), created by
    /// <paramref name="create"/> when the phrase is new.
    /// </summary>
    public TPayload GetOrAdd(string key, Func<TPayload> create)
    {
        var tokens = key.Split(' ');
        var hashes = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            hashes[i] = WordFilter.Hash(tokens[i]);
        }

        _byFirstHash.TryGetValue(hashes[0], out var bucket);
        foreach (var existing in bucket ?? [])
        {
            if (existing.Tokens.AsSpan().SequenceEqual(tokens))
            {
                return existing.Payload;
            }
        }

        var phrase = new Phrase(tokens, hashes, create());

        // Longest first, and in the order they were added among phrases of one length: the first that matches wins.
        var list = new List<Phrase>(bucket ?? []);
        var at = list.FindIndex(p => p.Tokens.Length < tokens.Length);
        list.Insert(at < 0 ? list.Count : at, phrase);
        _byFirstHash[hashes[0]] = [.. list];
        MaxTokens = Math.Max(MaxTokens, tokens.Length);
        return phrase.Payload;
    }

    /// <summary>
    /// The phrases that start at token <paramref name="index"/> and end at or before token <paramref name="end"/>,
    /// longest first. A token that starts no phrase gives an empty span.
    /// </summary>
    public Candidates At(AnalysisContext context, int index, int end) =>
        index < end && _byFirstHash.TryGetValue(context.TokenHash(index), out var bucket)
            ? new Candidates(bucket, context, index, end)
            : default;

    /// <summary>A phrase: its folded tokens, their hashes and its payload.</summary>
    internal sealed record Phrase(string[] Tokens, int[] Hashes, TPayload Payload);

    /// <summary>The phrases of one bucket that match the context's tokens, longest first.</summary>
    public ref struct Candidates
    {
        private readonly Phrase[]? _bucket;
        private readonly AnalysisContext? _context;
        private readonly int _index;
        private readonly int _end;
        private int _next;

        internal Candidates(Phrase[] bucket, AnalysisContext context, int index, int end)
        {
            _bucket = bucket;
            _context = context;
            _index = index;
            _end = end;
            _next = 0;
            Length = 0;
            Payload = default!;
        }

        /// <summary>The number of tokens of the current match.</summary>
        public int Length { get; private set; }

        /// <summary>The payload of the current match.</summary>
        public TPayload Payload { get; private set; }

        /// <summary>Moves to the next phrase that matches; false when there is none.</summary>
        public bool MoveNext()
        {
            if (_bucket is null)
            {
                return false;
            }

            while (_next < _bucket.Length)
            {
                var phrase = _bucket[_next++];
                if (Matches(phrase))
                {
                    Length = phrase.Tokens.Length;
                    Payload = phrase.Payload;
                    return true;
                }
            }

            return false;
        }

        private readonly bool Matches(Phrase phrase)
        {
            var count = phrase.Tokens.Length;
            if (count > _end - _index)
            {
                return false;
            }

            var hashes = _context!.TokenHashes;
            for (var k = 0; k < count; k++)
            {
                if (hashes[_index + k] != phrase.Hashes[k])
                {
                    return false;
                }
            }

            for (var k = 0; k < count; k++)
            {
                if (!_context.TokenText(_index + k).SequenceEqual(phrase.Tokens[k]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The enumerator itself, for <c>foreach</c>.</summary>
        public readonly Candidates GetEnumerator() => this;

        /// <summary>The current match (its length in tokens and its payload).</summary>
        public readonly (int Length, TPayload Payload) Current => (Length, Payload);
    }
}
