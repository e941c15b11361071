using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>Checks that one of a rule's context words stands near a match, in the same sentence.</summary>
public static class ContextWords
{
    /// <summary>True when a required word stands within the window before or after the match.</summary>
    public static bool AreNear(AnalysisContext context, int firstToken, int endToken, ContextRequirement requirement)
    {
        if (context.TokenCount == 0)
        {
            return false;
        }

        var sentence = context.Sentences[context.SentenceIndexOf(Math.Min(firstToken, context.TokenCount - 1))];
        var from = Math.Max(sentence.FirstToken, firstToken - requirement.Window);
        var to = Math.Min(sentence.EndToken, endToken + requirement.Window);
        for (var i = from; i < to; i++)
        {
            if (i >= firstToken && i < endToken)
            {
                continue;
            }

            if (IsRequiredWord(context.TokenText(i), requirement))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when some token of the block is one of the required words. When none is, <see cref="AreNear"/> is false for
    /// every match of the block, since it only looks at the block's tokens: detectors then need not search for matches.
    /// </summary>
    public static bool AnyInBlock(AnalysisContext context, ContextRequirement requirement)
    {
        // A token equal to a word, or starting with a prefix, puts that word in the folded text: a vectorised search of
        // the text settles most blocks before any token is read.
        var words = requirement.Words;
        var anyInText = false;
        for (var k = 0; k < words.Count && !anyInText; k++)
        {
            var word = words[k];
            anyInText = context.Folded.Value.Contains(word.EndsWith('*') ? word.AsSpan(0, word.Length - 1) : word, StringComparison.Ordinal);
        }

        if (!anyInText)
        {
            return false;
        }

        for (var i = 0; i < context.TokenCount; i++)
        {
            if (IsRequiredWord(context.TokenText(i), requirement))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRequiredWord(ReadOnlySpan<char> token, ContextRequirement requirement)
    {
        // Indexed, not foreach: the words are an IReadOnlyList, whose enumerator would be allocated for every token.
        var words = requirement.Words;
        for (var k = 0; k < words.Count; k++)
        {
            var word = words[k];
            if (word.EndsWith('*') ? token.StartsWith(word.AsSpan(0, word.Length - 1), StringComparison.Ordinal) : token.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }
}
