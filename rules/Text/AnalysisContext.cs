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

    private readonly int[] _tokenStartsOriginal;
    private readonly List<Token> _tokens;
    private readonly int[] _tokenHashes;
    private int _asciiDigitCount = -1;
    private int _longestDigitRun = -1;
    private int _longestFoldedDigitRun = -1;
    private int _letterBeforeDigit = -1;
    private int _foldedLetterBeforeDigit = -1;

    /// <summary>Analyses <paramref name="text"/>.</summary>
    public AnalysisContext(string text)
    {
        Text = text;
        Folded = FoldedText.Create(text);
        _tokens = Tokenizer.Tokenize(Folded.Value);
        Tokens = _tokens;
        Sentences = SentenceSplitter.Split(Folded, _tokens);
        Quotes = QuoteScanner.Scan(text);
        _tokenStartsOriginal = new int[_tokens.Count];
        _tokenHashes = new int[_tokens.Count];
        for (var i = 0; i < _tokens.Count; i++)
        {
            _tokenStartsOriginal[i] = Folded.ToOriginal(_tokens[i].Start, _tokens[i].End).Start;
            _tokenHashes[i] = WordFilter.Hash(TokenText(i));
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
    public Token TokenAt(int index) => _tokens[index];

    /// <summary>The <see cref="WordFilter.Hash"/> of each folded token, computed once for every word set to test.</summary>
    public ReadOnlySpan<int> TokenHashes => _tokenHashes;

    /// <summary>The <see cref="WordFilter.Hash"/> of the folded token at <paramref name="index"/>.</summary>
    public int TokenHash(int index) => _tokenHashes[index];

    /// <summary>The sentences, in order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Quoted passages, in order.</summary>
    public IReadOnlyList<QuotedRegion> Quotes { get; }

    /// <summary>The number of ASCII digits in the block, which lets identifier rules skip blocks too short of digits.</summary>
    public int AsciiDigitCount
    {
        get
        {
            if (_asciiDigitCount < 0)
            {
                var count = 0;
                var rest = Text.AsSpan();
                for (var at = rest.IndexOfAnyInRange('0', '9'); at >= 0; at = rest.IndexOfAnyInRange('0', '9'))
                {
                    count++;
                    rest = rest[(at + 1)..];
                }

                _asciiDigitCount = count;
            }

            return _asciiDigitCount;
        }
    }

    /// <summary>
    /// The length of the longest run of consecutive digits (<see cref="char.IsDigit(char)"/>, what a regex's \d
    /// matches) in <paramref name="text"/>; for the block's original and folded texts, computed once.
    /// </summary>
    public int LongestDigitRun(string text)
    {
        if (ReferenceEquals(text, Text))
        {
            return _longestDigitRun >= 0 ? _longestDigitRun : _longestDigitRun = MeasureDigitRun(text);
        }

        if (ReferenceEquals(text, Folded.Value))
        {
            return _longestFoldedDigitRun >= 0 ? _longestFoldedDigitRun : _longestFoldedDigitRun = MeasureDigitRun(text);
        }

        return MeasureDigitRun(text);
    }

    /// <summary>
    /// True when somewhere in <paramref name="text"/> a letter (<see cref="char.IsLetter(char)"/>) stands right before a
    /// digit (<see cref="char.IsDigit(char)"/>); for the block's original and folded texts, computed once.
    /// </summary>
    public bool HasLetterBeforeDigit(string text)
    {
        if (ReferenceEquals(text, Text))
        {
            return (_letterBeforeDigit >= 0 ? _letterBeforeDigit : _letterBeforeDigit = MeasureLetterBeforeDigit(text)) == 1;
        }

        if (ReferenceEquals(text, Folded.Value))
        {
            return (_foldedLetterBeforeDigit >= 0 ? _foldedLetterBeforeDigit : _foldedLetterBeforeDigit = MeasureLetterBeforeDigit(text)) == 1;
        }

        return MeasureLetterBeforeDigit(text) == 1;
    }

    private static int MeasureLetterBeforeDigit(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsDigit(text[i]) && char.IsLetter(text[i - 1]))
            {
                return 1;
            }
        }

        return 0;
    }

    private static int MeasureDigitRun(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsDigit(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>The folded text of a token.</summary>
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
        var index = Array.BinarySearch(_tokenStartsOriginal, offset);
        return index >= 0 ? index : ~index;
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
