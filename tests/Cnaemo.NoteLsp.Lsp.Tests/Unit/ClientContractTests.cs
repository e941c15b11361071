using System.Text.RegularExpressions;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Tests.Shared;

namespace Cnaemo.NoteLsp.Lsp.Tests.Unit;

/// <summary>
/// The facts that the VS Code client must show as the server states them (issue #18): the categories with their
/// families and French labels, and the initials the pseudonymise command uses by default. The client's copy is
/// read from its source, and the initials from the vector file that the client's own tests read too.
/// </summary>
public sealed partial class ClientContractTests
{
    [Fact]
    public void The_client_lists_the_server_categories_in_order_with_their_families_and_labels()
    {
        var source = File.ReadAllText(RepoPaths.InRepo("client-vscode", "src", "core", "categories.ts"));
        var client = CategoryEntry().Matches(source)
            .Select(m => (Id: m.Groups["id"].Value, Family: m.Groups["family"].Value, Label: m.Groups["label"].Value))
            .ToList();
        var server = Categories.All
            .Select(c => (Id: c.ToId(), Family: c.Family() == RuleFamily.Privacy ? "privacy" : "dignity", Label: c.FrenchLabel()))
            .ToList();
        Assert.Equal(server, client);
    }

    [Fact]
    public void Initials_follow_the_shared_vectors()
    {
        var vectors = File.ReadLines(RepoPaths.InRepo("tests", "contract", "initials.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToList();
        Assert.NotEmpty(vectors);
        Assert.All(vectors, v => Assert.Equal(v[1], Pseudonymiser.Initials(v[0])));
    }

    [Fact]
    public void The_manifest_declares_the_server_debounce_default_and_cap()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("package.json")));
        var setting = manifest.RootElement.GetProperty("contributes").GetProperty("configuration")
            .GetProperty("properties").GetProperty("notelsp.debounceMs");
        Assert.Equal(Server.Lsp.Server.EffectiveSettings.DefaultDebounceMs, setting.GetProperty("default").GetInt32());
        Assert.Equal(Server.Lsp.Server.SettingsResolver.MaxDebounceMs, setting.GetProperty("maximum").GetInt32());
    }

    [GeneratedRegex("""^\s*'?(?<id>[a-z-]+)'?: \{ family: '(?<family>privacy|dignity)', label: '(?<label>[^']+)' \},$""", RegexOptions.Multiline)]
    private static partial Regex CategoryEntry();
}
