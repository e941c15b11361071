using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using CsCheck;

namespace Cnaemo.NoteLsp.Rules.Tests;

/// <summary>
/// The language server updates a document's line index from the edit instead of scanning the whole text again; the
/// updated index must equal a fresh one, whatever the line endings around the edit (\n, \r\n, a lone \r, or a \r and a
/// \n that an edit brings together or pulls apart).
/// </summary>
public sealed class LineIndexEditTests
{
    private static readonly Gen<string> Texts = Gen.String[Gen.OneOfConst('a', 'é', ' ', '\r', '\n'), 0, 40];

    [Fact]
    public void An_index_updated_by_an_edit_equals_the_index_of_the_new_text() =>
        Gen.Select(Texts, Gen.Double[0, 1], Gen.Double[0, 1], Texts).Sample((text, from, to, inserted) =>
        {
            var start = (int)(Math.Min(from, to) * text.Length);
            var end = (int)(Math.Max(from, to) * text.Length);
            var edited = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(end));

            var updated = new LineIndex(text).WithEdit(TextSpan.FromBounds(start, end), inserted.Length, edited);

            Assert.Equal(Starts(new LineIndex(edited)), Starts(updated));
            Assert.Equal(new LineIndex(edited).GetPosition(edited.Length), updated.GetPosition(edited.Length));
        }, iter: 20_000);

    [Fact]
    public void A_line_break_typed_between_a_carriage_return_and_its_line_feed_makes_two_breaks()
    {
        const string text = "a\r\nb";
        var edited = "a\r\n\nb";

        var updated = new LineIndex(text).WithEdit(new TextSpan(2, 0), 1, edited);

        Assert.Equal([0, 3, 4], Starts(updated));
        Assert.Equal(new LinePosition(2, 0), updated.GetPosition(4));
    }

    [Fact]
    public void An_edit_that_does_not_match_the_text_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineIndex("abc").WithEdit(new TextSpan(1, 1), 3, "abc"));

    private static int[] Starts(LineIndex index) => [.. Enumerable.Range(0, index.LineCount).Select(index.LineStart)];
}
