using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Loading;

namespace Cnaemo.NoteLsp.Rules.Tests.Performance;

/// <summary>
/// The batch CLI parses the built-in packs several at a time; the language server parses them one after the other.
/// Both must give the same catalog: the same packs, in the same order, with the same rules and the same forms.
/// </summary>
public sealed class ConcurrentLoadingTests
{
    [Fact]
    public void Packs_parsed_in_parallel_are_the_packs_parsed_one_after_the_other()
    {
        var sequential = RuleCatalog.LoadBuiltInPacks(inParallel: false);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var parallel = RuleCatalog.LoadBuiltInPacks(inParallel: true);
            Assert.Equal(sequential.Select(Describe), parallel.Select(Describe));
        }
    }

    [Fact]
    public void The_concurrently_loaded_catalog_holds_every_built_in_rule_in_pack_order()
    {
        var expected = RuleCatalog.LoadBuiltInPacks(inParallel: false).SelectMany(p => p.Rules).Select(r => r.Descriptor.Id);
        Assert.Equal(expected, RuleCatalog.LoadBuiltInConcurrently().Definitions.Select(d => d.Descriptor.Id));
    }

    [Fact]
    public void A_term_rule_gives_the_same_forms_when_they_are_taken_again()
    {
        // The forms computed while the packs load in parallel are handed to the first catalog's detector; a later
        // catalog (custom packs added to the built-in ones) expands them again and must get the same.
        foreach (var terms in RuleCatalog.LoadBuiltInPacks(inParallel: true).SelectMany(p => p.Rules).Select(r => r.Matcher).OfType<TermMatcher>())
        {
            Assert.Equal(Describe(terms.TakeFoldedForms()), Describe(terms.TakeFoldedForms()));
        }
    }

    private static string Describe(RulePack pack) =>
        string.Join('\n', pack.Rules.Select(rule => string.Join('|',
            pack.Name, rule.Descriptor.Id, rule.Descriptor.Category, rule.Descriptor.DefaultSeverity, rule.Descriptor.Message,
            rule.Quoted, rule.Negated, rule.Mask, rule.Removable, string.Join(',', rule.Suggestions.Select(s => s.Text)),
            rule.Matcher switch
            {
                TermMatcher terms => Describe(terms.TakeFoldedForms()),
                PatternMatcher pattern => pattern.Pattern + " / " + string.Join(',', pattern.Antipatterns),
                CodeMatcher code => code.Name + " " + string.Join(';', code.Parameters.Select(p => p.Key + "=" + string.Join(',', p.Value))),
                _ => "",
            })));

    private static string Describe(FoldedForms forms) => string.Join(',', forms.Terms) + " / " + string.Join(',', forms.Antipatterns);
}
