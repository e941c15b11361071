using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Tests;

public sealed class TextTests
{
    [Theory]
    [InlineData("PROBLÈME CARDIAQUE", "probleme cardiaque")]
    [InlineData("l’hôpital", "l'hopital")]
    [InlineData("sœur", "soeur")]
    [InlineData("Éducateur·rice", "educateur·rice")]
    [InlineData("a\u00A0b", "a b")]
    public void Folding_removes_case_accents_and_typographic_variants(string input, string expected) =>
        Assert.Equal(expected, FoldedText.Fold(input));

    [Fact]
    public void Folded_spans_map_back_to_the_original_even_after_ligatures()
    {
        var folded = FoldedText.Create("La sœur aînée");
        var start = folded.Value.IndexOf("soeur", StringComparison.Ordinal);
        var span = folded.ToOriginal(start, start + 5);
        Assert.Equal("sœur", folded.Original.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Folding_keeps_surrogate_pairs_whole()
    {
        var folded = FoldedText.Create("a😀b");
        Assert.Equal("a😀b", folded.Value);
        Assert.Equal(new TextSpan(1, 2), folded.ToOriginal(1, 3));
    }

    [Fact]
    public void Tokenizer_keeps_elision_with_its_word_and_splits_on_hyphens()
    {
        const string text = "l'enfant qu'il voit, aujourd'hui à saint-denis";
        var words = Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToList();
        Assert.Equal(["l'", "enfant", "qu'", "il", "voit", ",", "aujourd", "'", "hui", "à", "saint", "-", "denis"], words);
    }

    [Fact]
    public void Sentences_do_not_end_after_titles_or_initials()
    {
        var context = new AnalysisContext("M. R. est arrivé. Mme P. aussi ! Puis rien");
        Assert.Equal(3, context.Sentences.Count);
    }

    [Fact]
    public void Negation_is_seen_before_the_words_it_covers()
    {
        var context = new AnalysisContext("Il n'est pas violent. Il est violent.");
        var firstViolent = Enumerable.Range(0, context.Tokens.Count).First(i => context.TokenIs(i, "violent"));
        var secondViolent = Enumerable.Range(firstViolent + 1, context.Tokens.Count - firstViolent - 1).First(i => context.TokenIs(i, "violent"));
        Assert.True(context.IsNegated(firstViolent, firstViolent + 1));
        Assert.False(context.IsNegated(secondViolent, secondViolent + 1));
    }

    [Fact]
    public void Quotes_are_found_in_french_and_straight_marks()
    {
        var context = new AnalysisContext("Il a dit : « je suis nul » puis \"bof\".");
        Assert.Equal(2, context.Quotes.Count);
        Assert.True(context.IsQuoted(new TextSpan(context.Text.IndexOf("nul", StringComparison.Ordinal), 3)));
    }

    [Theory]
    [InlineData("Il a crié : 'Espèce de gros con !', puis il est parti.", "gros con")]
    [InlineData("Elle a dit : ‘je n'en peux plus’.", "en peux")]
    [InlineData("Il a dit :'l'enfant dort'.", "enfant")]
    public void Single_quotes_that_open_reported_speech_are_quotes(string text, string inside)
    {
        var context = new AnalysisContext(text);
        Assert.True(context.IsQuoted(new TextSpan(text.IndexOf(inside, StringComparison.Ordinal), inside.Length)));
    }

    [Theory]
    [InlineData("L'enfant est là, aujourd'hui l'éducatrice l'a vu.")]
    [InlineData("Les parents' demandes : l'aide est refusée.")]
    public void Apostrophes_are_not_quotes(string text) => Assert.Empty(new AnalysisContext(text).Quotes);

    [Theory]
    [InlineData("a\nb\r\nc", 4, 1, 2)]
    [InlineData("a\nb\r\nc", 5, 2, 0)]
    [InlineData("😀x", 2, 0, 2)]
    public void Line_index_counts_utf16_code_units(string text, int offset, int line, int character)
    {
        var index = new LineIndex(text);
        Assert.Equal(new LinePosition(line, character), index.GetPosition(offset));
        Assert.Equal(offset, index.TryGetOffset(new LinePosition(line, character)));
    }

    [Fact]
    public void Line_index_refuses_positions_past_the_line()
    {
        var index = new LineIndex("ab\ncd");
        Assert.Null(index.TryGetOffset(new LinePosition(0, 4)));
        Assert.Null(index.TryGetOffset(new LinePosition(2, 0)));
        Assert.Null(index.TryGetOffset(new LinePosition(-1, 0)));
    }
}
