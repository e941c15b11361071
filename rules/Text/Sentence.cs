using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>A sentence: a range of token indices and its span in the block's original text.</summary>
public readonly record struct Sentence(int FirstToken, int EndToken, TextSpan Span)
{
    /// <summary>The number of tokens.</summary>
    public int TokenCount => EndToken - FirstToken;
}

/// <summary>Splits tokens into sentences at . ! ? … and line breaks, but not after abbreviations or initials.</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "m", "mm", "mme", "mmes", "mlle", "mr", "dr", "pr", "st", "ste", "tel", "cf", "etc", "n", "no", "av", "bd", "art", "al",
        "p", "ex", "env", "resp", "educ", "dept", "ass",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Splits the tokens of <paramref name="folded"/> into sentences.</summary>
    public static List<Sentence> Split(FoldedText folded, IReadOnlyList<Token> tokens) =>
        Split(folded, tokens is List<Token> list ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list) : [.. tokens]);

    /// <summary>Splits the tokens of <paramref name="folded"/> into sentences, read as a span (no interface call per token).</summary>
    public static List<Sentence> Split(FoldedText folded, ReadOnlySpan<Token> tokens)
    {
        var sentences = new List<Sentence>();
        var text = folded.Value;
        var first = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            // Only punctuation ends a sentence, and only a gap between two tokens can hold a line break: most tokens
            // are settled by these two comparisons.
            var endsHere = (tokens[i].Kind == TokenKind.Punctuation && IsTerminator(folded, tokens, i))
                || (i + 1 < tokens.Length && tokens[i].End < tokens[i + 1].Start && HasLineBreak(text, tokens[i].End, tokens[i + 1].Start));
            if (endsHere)
            {
                // Keep runs of terminators ("!!!", "?!") with the sentence they close.
                while (i + 1 < tokens.Length && IsPunctuationRun(text, tokens, i + 1) && !HasLineBreak(text, tokens[i].End, tokens[i + 1].Start))
                {
                    i++;
                }

                sentences.Add(Make(folded, tokens, first, i + 1));
                first = i + 1;
            }
        }

        if (first < tokens.Length)
        {
            sentences.Add(Make(folded, tokens, first, tokens.Length));
        }

        return sentences;
    }

    private static Sentence Make(FoldedText folded, ReadOnlySpan<Token> tokens, int first, int end)
    {
        var span = folded.ToOriginal(tokens[first].Start, tokens[end - 1].End);
        return new Sentence(first, end, span);
    }

    private static bool IsPunctuationRun(string text, ReadOnlySpan<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Punctuation && text[tokens[i].Start] is '.' or '!' or '?' or '\u2026' or '\u00BB' or '"' or ')';

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTerminator(FoldedText folded, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        var c = folded.Value[token.Start];
        if (c is '!' or '?' or '\u2026')
        {
            return true;
        }

        if (c != '.' || i == 0)
        {
            return c == '.';
        }

        var previous = tokens[i - 1];
        if (previous.End != token.Start || previous.Kind != TokenKind.Word)
        {
            return true;
        }

        var word = folded.Value.AsSpan(previous.Start, previous.Length);
        if (AbbreviationLookup.Contains(word))
        {
            return false;
        }

        // An initial such as "M. R." or "Mme P." is a capital letter standing alone.
        var original = folded.ToOriginal(previous.Start, previous.End);
        return !(original.Length == 1 && char.IsUpper(folded.Original[original.Start]));
    }
}
