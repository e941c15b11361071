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

            var token = context.TokenText(i);
            foreach (var word in requirement.Words)
            {
                if (word.EndsWith('*') ? token.StartsWith(word.AsSpan(0, word.Length - 1), StringComparison.Ordinal) : token.SequenceEqual(word))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
