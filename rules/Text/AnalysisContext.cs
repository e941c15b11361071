using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>
/// Everything detectors need to know about one block of text (a paragraph): its folded form, tokens, sentences
/// and quoted passages. Spans here are relative to the block; the engine moves them to document offsets.
/// </summary>
public sealed class AnalysisContext
{
    private static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal)
    {
        "ne", "n'", "pas", "non", "jamais", "aucun", "aucune", "sans", "ni", "nullement",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup =
        NegationWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Null when folding kept every offset (most blocks): a token then starts where its folded form does.
    private readonly int[]? _tokenStartsOriginal;
    private readonly List<Token> _tokens;
    private readonly int[] _tokenHashes;
    private DigitProfile? _digits;
    private DigitProfile? _foldedDigits;

    /// <summary>Analyses <paramref name="text"/>.</summary>
    public AnalysisContext(string text)
    {
        Text = text;
        Folded = FoldedText.Create(text);
        _tokens = Tokenizer.Tokenize(Folded.Value);
        Tokens = _tokens;
        var tokens = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens);
        Sentences = SentenceSplitter.Split(Folded, tokens);
        Quotes = QuoteScanner.Scan(text);
        _tokenHashes = new int[tokens.Length];
        var folded = Folded.Value.AsSpan();
        for (var i = 0; i < tokens.Length; i++)
        {
            _tokenHashes[i] = WordFilter.Hash(folded.Slice(tokens[i].Start, tokens[i].Length));
        }

        if (!Folded.KeepsOffsets)
        {
            _tokenStartsOriginal = new int[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                _tokenStartsOriginal[i] = Folded.ToOriginal(tokens[i].Start, tokens[i].End).Start;
            }
        }
    }

    /// <summary>The block's original text.</summary>
    public string Text { get; }

    /// <summary>The folded text with its map back to the original.</summary>
    public FoldedText Folded { get; }

    /// <summary>The tokens of the folded text.</summary>
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>
    /// The tokens as a span. Detectors read tokens hundreds of thousands of times per document; a span avoids the
    /// interface call that every read through <see cref="Tokens"/> costs.
    /// </summary>
    public ReadOnlySpan<Token> TokenSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens);

    /// <summary>The number of tokens.</summary>
    public int TokenCount => _tokens.Count;

    /// <summary>The token at <paramref name="index"/>, read without the interface call of <see cref="Tokens"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public Token TokenAt(int index) => _tokens[index];

    /// <summary>The <see cref="WordFilter.Hash"/> of each folded token, computed once for every word set to test.</summary>
    public ReadOnlySpan<int> TokenHashes => _tokenHashes;

    /// <summary>The <see cref="WordFilter.Hash"/> of the folded token at <paramref name="index"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int TokenHash(int index) => _tokenHashes[index];

    /// <summary>
    /// The dignity parse of the block, which several rules share: the first detector that needs it stores it here.
    /// A field of the context, rather than a table keyed by it, costs no look-up and no handle for the collector.
    /// </summary>
    internal object? DignityParse { get; set; }

    /// <summary>The sentences, in order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Quoted passages, in order.</summary>
    public IReadOnlyList<QuotedRegion> Quotes { get; }

    /// <summary>The number of ASCII digits in the block, which lets identifier rules skip blocks too short of digits.</summary>
    public int AsciiDigitCount => DigitsOf(Text).AsciiDigits;

    /// <summary>
    /// The length of the longest run of consecutive digits (<see cref="char.IsDigit(char)"/>, what a regex's \d
    /// matches) in <paramref name="text"/>; for the block's original and folded texts, computed once.
    /// </summary>
    public int LongestDigitRun(string text) => DigitsOf(text).LongestRun;

    /// <summary>
    /// True when somewhere in <paramref name="text"/> a letter (<see cref="char.IsLetter(char)"/>) stands right before a
    /// digit (<see cref="char.IsDigit(char)"/>); for the block's original and folded texts, computed once.
    /// </summary>
    public bool HasLetterBeforeDigit(string text) => DigitsOf(text).LetterBeforeDigit;

    private DigitProfile DigitsOf(string text)
    {
        if (ReferenceEquals(text, Text))
        {
            return _digits ??= DigitProfile.Measure(text);
        }

        if (ReferenceEquals(text, Folded.Value))
        {
            return _foldedDigits ??= DigitProfile.Measure(text);
        }

        return DigitProfile.Measure(text);
    }

    /// <summary>The offset in the original text where token <paramref name="index"/> starts.</summary>
    public int OriginalStart(int index) => _tokenStartsOriginal is { } starts ? starts[index] : _tokens[index].Start;

    /// <summary>The folded text of a token.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> TokenText(int index)
    {
        var token = _tokens[index];
        return Folded.Value.AsSpan(token.Start, token.End - token.Start);
    }

    /// <summary>True when the folded token equals <paramref name="word"/>.</summary>
    public bool TokenIs(int index, string word) =>
        (uint)index < (uint)_tokens.Count && TokenText(index).SequenceEqual(word);

    /// <summary>The original span covered by tokens <paramref name="first"/> to <paramref name="end"/> (exclusive).</summary>
    public TextSpan OriginalSpan(int first, int end) => Folded.ToOriginal(_tokens[first].Start, _tokens[end - 1].End);

    /// <summary>The original text of tokens <paramref name="first"/> to <paramref name="end"/> (exclusive).</summary>
    public string OriginalText(int first, int end)
    {
        var span = OriginalSpan(first, end);
        return Text.Substring(span.Start, span.Length);
    }

    /// <summary>The index of the sentence that holds token <paramref name="tokenIndex"/>.</summary>
    public int SentenceIndexOf(int tokenIndex)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var sentence = Sentences[mid];
            if (tokenIndex < sentence.FirstToken)
            {
                hi = mid - 1;
            }
            else if (tokenIndex >= sentence.EndToken)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return Math.Max(0, Math.Min(lo, Sentences.Count - 1));
    }

    /// <summary>The index of the first token starting at or after original offset <paramref name="offset"/>.</summary>
    public int TokenIndexAt(int offset)
    {
        if (_tokenStartsOriginal is { } starts)
        {
            var index = Array.BinarySearch(starts, offset);
            return index >= 0 ? index : ~index;
        }

        // Token starts rise strictly, so the first token starting at or after the offset is what the search above gives.
        var tokens = TokenSpan;
        int low = 0, high = tokens.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (tokens[middle].Start < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The quoted passage whose inner span holds <paramref name="span"/>, if any.</summary>
    public QuotedRegion? QuoteAround(TextSpan span)
    {
        foreach (var quote in Quotes)
        {
            if (quote.Inner.Contains(span))
            {
                return quote;
            }

            if (quote.Outer.Start > span.End)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="span"/> lies inside quoted speech.</summary>
    public bool IsQuoted(TextSpan span) => QuoteAround(span) is not null;

    /// <summary>
    /// True when tokens <paramref name="first"/>..<paramref name="end"/> stand under a negation: "ne", "pas",
    /// "jamais", "sans" and the like within the three tokens before them, in the same sentence.
    /// </summary>
    public bool IsNegated(int first, int end)
    {
        if (first >= _tokens.Count)
        {
            return false;
        }

        var sentence = Sentences[SentenceIndexOf(first)];
        for (var i = first - 1; i >= Math.Max(sentence.FirstToken, first - 4); i--)
        {
            if (_tokens[i].Kind == TokenKind.Punctuation && Folded.Value[_tokens[i].Start] is ',' or ';' or ':')
            {
                break;
            }

            if (NegationLookup.Contains(TokenText(i)))
            {
                return true;
            }
        }

        return end < sentence.EndToken && end < _tokens.Count && TokenIs(end, "pas");
    }
}
