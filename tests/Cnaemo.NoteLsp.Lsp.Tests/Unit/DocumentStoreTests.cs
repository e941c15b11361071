using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using CsCheck;
using LspRange = Cnaemo.NoteLsp.Server.Lsp.Protocol.Range;

namespace Cnaemo.NoteLsp.Lsp.Tests.Unit;

/// <summary>
/// Incremental changes, applied range by range in UTF-16, give the same text, and the same line index, as full
/// replacement.
/// </summary>
public sealed class DocumentStoreTests
{
    private const string Uri = "file:///dossier/note.md";

    private static readonly string[] Pieces = ["Théo", " ", "😀", "é", "\n", "\r\n", "œ", "délinquant", "!!!", "👩‍👧", "a", ""];

    private static readonly Gen<string> Texts = Gen.OneOfConst(Pieces).Array[0, 12].Select(p => string.Concat(p));

    /// <summary>An edit as (start fraction, length fraction, inserted text), placed on whatever text it meets.</summary>
    private static readonly Gen<(double Start, double Length, string Insert)> Edits =
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Texts);

    [Fact]
    public void Random_edit_sequences_applied_incrementally_equal_the_full_text_result() =>
        Gen.Select(Texts, Edits.Array[1, 8]).Sample((initial, edits) =>
        {
            var store = new DocumentStore();
            store.Open(Uri, "markdown", 1, initial);
            var expected = initial;
            var version = 1;
            foreach (var (startFraction, lengthFraction, insert) in edits)
            {
                // Positions never split a surrogate pair or a \r\n, as an editor's positions would not.
                var start = Boundary(expected, (int)(startFraction * expected.Length));
                var end = Boundary(expected, start + (int)(lengthFraction * (expected.Length - start)));
                var lines = new LineIndex(expected);
                var range = new LspRange(LspConversions.ToPosition(start, lines), LspConversions.ToPosition(end, lines));
                expected = string.Concat(expected.AsSpan(0, start), insert, expected.AsSpan(end));

                var (snapshot, rejection) = store.Change(Uri, ++version, [new TextDocumentContentChangeEvent(range, null, insert)]);
                Assert.Equal(ChangeRejection.None, rejection);
                Assert.Equal(expected, snapshot?.Text);

                // The store updates the line index from the edit; it must be the index of the new text.
                var fresh = new LineIndex(expected);
                Assert.Equal(
                    Enumerable.Range(0, fresh.LineCount).Select(fresh.LineStart),
                    Enumerable.Range(0, snapshot!.Lines.LineCount).Select(snapshot.Lines.LineStart));
            }
        }, iter: 300);

    [Fact]
    public void Several_changes_in_one_notification_apply_in_order()
    {
        var store = new DocumentStore();
        store.Open(Uri, "markdown", 1, "😀 Théo\nest là");
        var (snapshot, rejection) = store.Change(Uri, 2,
        [
            new TextDocumentContentChangeEvent(Range(0, 3, 0, 7), null, "T."),
            new TextDocumentContentChangeEvent(Range(0, 5, 1, 0), null, " "),
        ]);
        Assert.Equal(ChangeRejection.None, rejection);
        Assert.Equal("😀 T. est là", snapshot?.Text);
    }

    [Fact]
    public void A_change_with_an_older_version_is_rejected_and_leaves_the_text_alone()
    {
        var store = new DocumentStore();
        store.Open(Uri, "markdown", 5, "texte");
        var (snapshot, rejection) = store.Change(Uri, 4, [new TextDocumentContentChangeEvent(null, null, "autre")]);
        Assert.Equal(ChangeRejection.StaleVersion, rejection);
        Assert.Equal("texte", snapshot?.Text);
        Assert.Equal(5, store.Get(Uri)?.Version);
    }

    [Fact]
    public void A_batch_with_a_range_outside_the_text_is_rejected_whole()
    {
        var store = new DocumentStore();
        store.Open(Uri, "markdown", 1, "abc");
        var (_, rejection) = store.Change(Uri, 2,
        [
            new TextDocumentContentChangeEvent(Range(0, 0, 0, 1), null, "X"),
            new TextDocumentContentChangeEvent(Range(4, 0, 4, 1), null, "Y"),
        ]);
        Assert.Equal(ChangeRejection.RangeOutOfText, rejection);
        Assert.Equal("abc", store.Get(Uri)?.Text);
        Assert.Equal(1, store.Get(Uri)?.Version);
    }

    [Fact]
    public void A_column_past_the_end_of_its_line_means_the_end_of_the_line_as_lsp_says()
    {
        var store = new DocumentStore();
        store.Open(Uri, "markdown", 1, "abc\ndef");
        var (snapshot, rejection) = store.Change(Uri, 2, [new TextDocumentContentChangeEvent(Range(0, 1, 0, 40), null, "X")]);
        Assert.Equal(ChangeRejection.None, rejection);
        Assert.Equal("aX\ndef", snapshot?.Text);
        Assert.Equal(2, store.Get(Uri)?.Version);
    }

    [Fact]
    public void A_change_to_a_document_that_is_not_open_is_rejected()
    {
        var (_, rejection) = new DocumentStore().Change(Uri, 2, [new TextDocumentContentChangeEvent(null, null, "x")]);
        Assert.Equal(ChangeRejection.UnknownDocument, rejection);
    }

    private static LspRange Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new(new Position(startLine, startCharacter), new Position(endLine, endCharacter));

    private static int Boundary(string text, int offset)
    {
        while (offset > 0 && offset < text.Length && (char.IsLowSurrogate(text[offset]) || (text[offset] == '\n' && text[offset - 1] == '\r')))
        {
            offset--;
        }

        return offset;
    }
}
