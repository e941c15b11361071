namespace Cnaemo.NoteLsp.Rules.Model;

/// <summary>A range of UTF-16 code units in a text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The index just past the last code unit.</summary>
    public int End => Start + Length;

    /// <summary>Builds a span from its two ends.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when the two spans share at least one code unit, or when an empty span sits inside the other.</summary>
    public bool Overlaps(TextSpan other) =>
        Start < other.End && other.Start < End || (Length == 0 && other.Start <= Start && Start < other.End);

    /// <summary>True when <paramref name="other"/> lies entirely within this span.</summary>
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    /// <summary>Moves the span by <paramref name="delta"/> code units.</summary>
    public TextSpan Shift(int delta) => new(Start + delta, Length);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
