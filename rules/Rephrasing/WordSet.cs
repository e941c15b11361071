using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Rephrasing;

/// <summary>
/// A set of folded phrases matched token by token, such as "sans doute" or "peut-être". Phrases are stored
/// as their folded tokens joined by single spaces, the same key <see cref="Key"/> builds from a text.
/// </summary>
public sealed class WordSet
{
    private readonly HashSet<string> _phrases;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);

    // Built once: MatchAt runs for nearly every token of every document.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;
    private readonly WordFilter _firstWordFilter = new();

    /// <summary>An empty set.</summary>
    public WordSet()
    {
        _phrases = new HashSet<string>(StringComparer.Ordinal);
        _lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordLookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The first words of the phrases, as a filter: a token outside it starts no phrase of the set.</summary>
    internal WordFilter FirstWordFilter => _firstWordFilter;

    /// <summary>The number of tokens of the longest phrase.</summary>
    public int MaxTokens { get; private set; }

    /// <summary>The number of phrases.</summary>
    public int Count => _phrases.Count;

    /// <summary>Adds a phrase, with inflection braces expanded.</summary>
    public void Add(string phrase)
    {
        foreach (var form in Matching.TermExpander.Expand(phrase))
        {
            var key = Key(form);
            if (key.Length > 0 && _phrases.Add(key))
            {
                var first = key.Split(' ')[0];
                _firstWords.Add(first);
                _firstWordFilter.Add(first);
                MaxTokens = Math.Max(MaxTokens, key.Count(c => c == ' ') + 1);
            }
        }
    }

    /// <summary>True when the single folded token <paramref name="token"/> is in the set.</summary>
    public bool Contains(string token) => _phrases.Contains(token);

    /// <summary>The length in tokens of the longest phrase starting at token <paramref name="index"/>, or 0.</summary>
    public int MatchAt(AnalysisContext context, int index, int end)
    {
        if (index >= end || !_firstWordFilter.MayContain(context.TokenHash(index)) || !_firstWordLookup.Contains(context.TokenText(index)))
        {
            return 0;
        }

        // The key of n tokens is a prefix of the key of n + 1 tokens: write the longest once, look up its prefixes.
        var count = Math.Min(MaxTokens, end - index);
        Span<char> buffer = stackalloc char[KeyBufferLength];
        Span<int> ends = stackalloc int[count + 1];
        var fitted = WriteKeys(context, index, count, buffer, ends);
        for (var length = count; length > 0; length--)
        {
            if (length > fitted ? _phrases.Contains(Key(context, index, index + length)) : _lookup.Contains(buffer[..ends[length]]))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>The room <see cref="WriteKeys"/> callers give it; longer keys are built as strings instead.</summary>
    internal const int KeyBufferLength = 256;

    /// <summary>
    /// Writes the key of tokens <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> into
    /// <paramref name="buffer"/>, and in <paramref name="ends"/>[n] the length of the key of the first n tokens. Returns
    /// how many tokens fit; callers build longer keys as strings. Allocates nothing.
    /// </summary>
    internal static int WriteKeys(AnalysisContext context, int first, int count, Span<char> buffer, Span<int> ends)
    {
        var length = 0;
        for (var n = 0; n < count; n++)
        {
            var token = context.TokenText(first + n);
            var needed = token.Length + (n > 0 ? 1 : 0);
            if (length + needed > buffer.Length)
            {
                return n;
            }

            if (n > 0)
            {
                buffer[length++] = ' ';
            }

            token.CopyTo(buffer[length..]);
            length += token.Length;
            ends[n + 1] = length;
        }

        return Math.Max(count, 0);
    }

    /// <summary>True when a phrase of the set stands anywhere between tokens <paramref name="from"/> and <paramref name="to"/>.</summary>
    public bool AnyIn(AnalysisContext context, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (MatchAt(context, i, to) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lookup key of a text: its folded tokens joined by single spaces.</summary>
    public static string Key(string text)
    {
        var folded = FoldedText.Fold(text);
        return string.Join(' ', Tokenizer.Tokenize(folded).Select(t => folded[t.Start..t.End]));
    }

    /// <summary>The lookup key of tokens <paramref name="first"/> to <paramref name="end"/> (exclusive).</summary>
    public static string Key(AnalysisContext context, int first, int end)
    {
        if (end - first == 1)
        {
            return context.TokenText(first).ToString();
        }

        var builder = new System.Text.StringBuilder();
        for (var i = first; i < end; i++)
        {
            if (i > first)
            {
                builder.Append(' ');
            }

            builder.Append(context.TokenText(i));
        }

        return builder.ToString();
    }
}
