namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    /// <summary>Letters, possibly with digits or a middle dot (inclusive writing).</summary>
    Word,

    /// <summary>Digits only.</summary>
    Number,

    /// <summary>One punctuation or symbol character.</summary>
    Punctuation,
}

/// <summary>
/// A token of the folded text. Elided words keep their apostrophe ("l'", "qu'"), so that "l'hôpital" gives
/// "l'" and "hopital". Positions are folded indices; <see cref="FoldedText.ToOriginal"/> maps them back.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    /// <summary>The number of folded code units.</summary>
    public int Length => End - Start;
}
