using Cnaemo.NoteLsp.Tests.Shared;
using Xunit.Abstractions;

namespace Cnaemo.NoteLsp.Server.Tests.Corpus;

/// <summary>
/// Measures the privacy packs on labelled corpora with the real CLI, as score-corpus does: every privacy category
/// must be found on at least 90 % of the lines that carry it, and at least 95 % of the clean lines must stay clean.
/// The shared dev corpus is the reference; privacy-extra.tsv holds sentences written for this project, with other
/// words and near-misses, so that a lexicon tuned to the dev corpus alone would fail here.
/// </summary>
public sealed class PrivacyCorpusTests(ITestOutputHelper output)
{
    private const double MinimumCategoryRecall = 0.90;
    private const double MinimumCleanRate = 0.95;

    private static readonly string[] PrivacyCategories =
    [
        "identifier", "health", "origin", "religion", "sexual-life", "political", "union", "criminal", "third-party",
    ];

    // One CLI run per corpus, shared by the tests of this class.
    private static readonly Dictionary<string, Lazy<CorpusScore>> Scores = new(StringComparer.Ordinal)
    {
        ["shared/corpus/dev.tsv"] = new(() => CorpusScore.Run(RepoPaths.Shared("corpus", "dev.tsv"))),
        ["tests/Cnaemo.NoteLsp.Server.Tests/Corpus/privacy-extra.tsv"] =
            new(() => CorpusScore.Run(RepoPaths.InRepo("tests", "Cnaemo.NoteLsp.Server.Tests", "Corpus", "privacy-extra.tsv"))),
    };

    public static TheoryData<string> Corpora() => new()
    {
        "shared/corpus/dev.tsv",
        "tests/Cnaemo.NoteLsp.Server.Tests/Corpus/privacy-extra.tsv",
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Every_privacy_category_is_found_and_clean_lines_stay_clean(string corpus)
    {
        var score = Scores[corpus].Value;
        output.WriteLine(score.Output);
        foreach (var category in PrivacyCategories)
        {
            var (found, total) = score.PerCategory.GetValueOrDefault(category);
            output.WriteLine($"{category}: {found}/{total} = {score.RecallOf(category):0.000}");
        }

        output.WriteLine($"clean lines left clean: {score.Clean:0.000}");
        var weak = PrivacyCategories
            .Where(c => score.PerCategory.ContainsKey(c) && score.RecallOf(c) < MinimumCategoryRecall)
            .Select(c => $"{c} {score.RecallOf(c):0.000}")
            .ToList();
        Assert.True(weak.Count == 0, $"{corpus}: recall below {MinimumCategoryRecall} for {string.Join(", ", weak)}\n{score.Output}");
        Assert.True(score.Clean >= MinimumCleanRate, $"{corpus}: only {score.Clean:0.000} of clean lines stay clean\n{score.Output}");
    }

    [Fact]
    public void The_dev_corpus_has_lines_for_every_privacy_category()
    {
        var score = Scores["shared/corpus/dev.tsv"].Value;
        var missing = PrivacyCategories.Where(c => !score.PerCategory.ContainsKey(c)).ToList();
        Assert.True(missing.Count == 0, $"the corpus no longer measures: {string.Join(", ", missing)}");
    }
}
