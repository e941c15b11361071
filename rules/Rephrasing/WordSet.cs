using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Rephrasing;

/// <summary>
/// A set of folded phrases matched token by token, such as "sans doute" or "peut-être". Phrases are stored
/// as their folded tokens joined by single spaces, the same key <see cref="Key"/> builds from a text.
/// </summary>
public sealed class WordSet
{
    private readonly HashSet<string> _phrases = new(StringComparer.Ordinal);

    // The phrases by the hash of their first token, longest first: MatchAt runs for nearly every token of every
    // document, and the context has hashed each token already.
    private readonly PhraseIndex<bool> _index = new();
    private readonly WordFilter _firstWordFilter = new();

    /// <summary>An empty set.</summary>
    public WordSet()
    {
    }

    /// <summary>The first words of the phrases, as a filter: a token outside it starts no phrase of the set.</summary>
    internal WordFilter FirstWordFilter => _firstWordFilter;

    /// <summary>The number of tokens of the longest phrase.</summary>
    public int MaxTokens => _index.MaxTokens;

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
                _firstWordFilter.Add(key.Split(' ')[0]);
                _index.GetOrAdd(key, static () => true);
            }
        }
    }

    /// <summary>True when the single folded token <paramref name="token"/> is in the set.</summary>
    public bool Contains(string token) => _phrases.Contains(token);

    /// <summary>The length in tokens of the longest phrase starting at token <paramref name="index"/>, or 0.</summary>
    // Inlined: detectors ask it of nearly every token, and most tokens fail the filter, which costs less than the call.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int MatchAt(AnalysisContext context, int index, int end) =>
        index < end && _firstWordFilter.MayContain(context.TokenHash(index)) ? LongestAt(context, index, end) : 0;

    private int LongestAt(AnalysisContext context, int index, int end)
    {
        foreach (var (length, _) in _index.At(context, index, end))
        {
            return length;
        }

        return 0;
    }

    /// <summary>
    /// The room for a key that <see cref="CopulaTable"/> writes on the stack; longer keys are built as strings. The
    /// buffer is cleared at every call, so it is kept to what a copula and its adverbs nearly always need.
    /// </summary>
    internal const int KeyBufferLength = 64;

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
