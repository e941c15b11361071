using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Rephrasing;

namespace Cnaemo.NoteLsp.Rules.Tests.Dignity;

/// <summary>
/// Every word of the dignity lexicon, in every place the grammar knows, is flagged by its own rule, and every
/// rewrite it offers removes the finding without raising another dignity finding. This covers words that no
/// example or corpus line uses, so a new lexicon entry is checked as soon as it is added.
/// </summary>
public sealed class LexiconRewriteTests
{
    public static TheoryData<string, string> Sentences()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in DignityLexicon.BuiltIn.Entries)
        {
            var ms = entry.Forms.For(new Agreement(Gender.Masculine, GrammaticalNumber.Singular));
            var fp = entry.Forms.For(new Agreement(Gender.Feminine, GrammaticalNumber.Plural));
            var fs = entry.Forms.For(new Agreement(Gender.Feminine, GrammaticalNumber.Singular));
            var id = $"{entry.Category.ToId()} {entry.Kind} {entry.Notation}";
            switch (entry.Kind)
            {
                case LexiconKind.Trait:
                    data.Add(id, $"Le jeune est très {ms} avec l'équipe.");
                    data.Add(id, $"Elles étaient {fp}.");
                    data.Add(id, $"La résidente {fs} a quitté la salle.");
                    if (entry.Category == Category.Judgement)
                    {
                        data.Add(id, $"Attitude {fs} de la grand-mère.");
                    }

                    break;
                case LexiconKind.Label:
                    data.Add(id, $"Ce jeune est un {ms}.");
                    data.Add(id, $"Elle est une vraie {fs}.");
                    break;
                case LexiconKind.Phrase when entry.Need == LexiconNeed.None:
                    data.Add(id, $"Selon moi, il s'agit de {ms}.");
                    break;
                case LexiconKind.Phrase:
                    data.Add(id, $"On sent une {ms} chez la mère.");
                    break;
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Lexicon_word_is_flagged_and_each_rewrite_is_clean(string entry, string text)
    {
        var findings = RewriteCases.RewritableFindings(text).Where(f => f.Category.Family() == RuleFamily.Dignity).ToList();
        Assert.True(findings.Count > 0, $"{entry}: nothing flagged in « {text} »");
        var failures = new List<string>();
        foreach (var finding in findings)
        {
            // Fewer rewrites that are right beat more that are wrong: a template that dates one event is left out for a
            // habit ("Elles étaient …"), and a noun after "de" without a determiner gets none rather than "de personne
            // qui …", and a diagnosis named as the object of a verb ("On sent une dépression") has no place for a
            // placeholder. Anywhere else the word gets at least one rewrite.
            var frameWithoutRewrite = text.Contains("il s'agit de ", StringComparison.Ordinal) || text.StartsWith("On sent ", StringComparison.Ordinal);
            if (finding.Category != Category.Typography && finding.Suggestions.Count < (frameWithoutRewrite ? 0 : 1))
            {
                failures.Add($"{finding.RuleId} offers {finding.Suggestions.Count} rewrite(s)");
            }

            foreach (var suggestion in finding.Suggestions)
            {
                var rewritten = RewriteCases.Apply(text, finding, suggestion);
                var others = findings.Where(f => f != finding).Select(f => f.RuleId).ToList();
                var left = RewriteCases.RewritableFindings(rewritten).Where(f => f.Category.Family() == RuleFamily.Dignity).Where(f => !others.Remove(f.RuleId)).ToList();
                if (left.Count > 0)
                {
                    failures.Add($"« {rewritten} » still has {string.Join(", ", left.Select(f => $"{f.RuleId} «{rewritten.Substring(f.Span.Start, f.Span.Length)}»"))}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{entry}: « {text} »\n  {string.Join("\n  ", failures)}");
    }
}
