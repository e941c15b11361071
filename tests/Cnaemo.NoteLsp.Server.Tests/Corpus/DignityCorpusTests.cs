using Cnaemo.NoteLsp.Tests.Shared;

namespace Cnaemo.NoteLsp.Server.Tests.Corpus;

/// <summary>
/// The dignity rules measured on the shared development corpus with score-corpus and the built CLI: every dignity
/// category keeps a recall of at least 0.90, and at least 0.95 of the clean lines stay clean.
/// </summary>
public sealed class DignityCorpusTests
{
    private static readonly Lazy<CorpusScore> Score = new(() => CorpusScore.Run(RepoPaths.Shared("corpus", "dev.tsv")));

    public static TheoryData<string> DignityCategories() =>
        ["essentialising", "judgement", "insult", "lay-diagnosis", "hearsay", "generalisation", "typography", "placeholder"];

    [Theory]
    [MemberData(nameof(DignityCategories))]
    public void Dignity_category_recall_is_at_least_0_90(string category)
    {
        var score = Score.Value;
        Assert.True(score.PerCategory.ContainsKey(category), $"the corpus has no line of {category}:\n{score.Output}");
        Assert.True(score.RecallOf(category) >= 0.90, $"{category} recall {score.RecallOf(category):0.000} < 0.90\n{score.Output}");
    }

    [Fact]
    public void At_least_95_percent_of_clean_lines_stay_clean()
    {
        var score = Score.Value;
        Assert.True(score.Clean >= 0.95, $"clean {score.Clean:0.000} < 0.95\n{score.Output}");
    }
}
