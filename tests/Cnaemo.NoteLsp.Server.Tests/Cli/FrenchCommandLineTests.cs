using Cnaemo.NoteLsp.Server.Cli;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// French throughout (issue #16 part 2): the help of every command and the usage errors carry none of
/// System.CommandLine's English defaults.
/// </summary>
public sealed class FrenchCommandLineTests
{
    // System.CommandLine's English headings, option descriptions, labels and error messages.
    private static readonly string[] English =
    [
        "Usage:", "Options:", "Arguments:", "Commands:", "Description:", "Show help", "Show version", "usage information",
        "version information", "[default", "not recognized", "Unrecognized", "Required", "required", "expects", "Cannot parse",
        "Did you mean", "was not matched", "Must be one of", "does not exist", "cannot be combined", "<help>", "<version>",
    ];

    public static TheoryData<string[]> Helps() => new() { new[] { "--help" }, new[] { "check", "--help" }, new[] { "check", "-h", "--bogus" }, new[] { "lsp", "--help" }, new[] { "rules", "-?" } };

    [Theory]
    [MemberData(nameof(Helps))]
    public void The_help_is_in_french(string[] arguments)
    {
        var result = CliRunner.Run(Path.GetTempPath(), null, arguments);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage :", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Options :", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Afficher l'aide", result.Stdout, StringComparison.Ordinal);
        Assert.All(English, word => Assert.DoesNotContain(word, result.Stdout + result.Stderr, StringComparison.Ordinal));
    }

    [Fact]
    public void The_help_of_check_names_its_values_and_defaults_in_french()
    {
        var help = CliRunner.Run(Path.GetTempPath(), null, "check", "--help").Stdout;
        Assert.Contains("-f, --format <html|json|sarif|text>", help, StringComparison.Ordinal);
        Assert.Contains("[par défaut : text]", help, StringComparison.Ordinal);
        Assert.Contains("--severity <RÈGLE=NIVEAU>", help, StringComparison.Ordinal);
        Assert.Contains("--show-excerpts", help, StringComparison.Ordinal);
        Assert.Contains("« - »", help, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> Errors() => new()
    {
        { new[] { "check", "--format", "xml", "note.md" }, "argument non reconnu : « xml ». Valeurs possibles : text, json, sarif, html." },
        { new[] { "check", "--bogus", "note.md" }, "option non reconnue : « --bogus »" },
        { new[] { "chek" }, "commande ou argument non reconnu : « chek »." },
        { new[] { "check" }, "argument obligatoire manquant pour la commande « check »." },
        { new[] { "check", "note.md", "--format" }, "valeur manquante pour l'option « --format »." },
        { new[] { "lsp", "--log-level", "loud" }, "argument non reconnu : « loud »." },
        { System.Array.Empty<string>(), "aucune commande donnée" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_usage_error_is_in_french_with_exit_code_2(string[] arguments, string expected)
    {
        var result = CliRunner.Run(Path.GetTempPath(), null, arguments);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Voir « notelsp --help ».", result.Stderr, StringComparison.Ordinal);
        Assert.All(English, word => Assert.DoesNotContain(word, result.Stdout + result.Stderr, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_english_error_of_the_parser_has_its_french_form()
    {
        // The messages System.CommandLine 2.0.0 writes under the invariant culture, as the process runs.
        string[] messages =
        [
            "Argument 'x' not recognized. Must be one of:\n\t'a'\n\t'b'", "Unrecognized command or argument 'x'.",
            "Required argument missing for command: 'check'.", "Required argument missing for option: '--format'.",
            "Option '--format' expects a single argument but 2 were provided.", "Option '--x' is required.",
            "Required command was not provided.", "Cannot parse argument 'x' for option '--n' as expected type 'System.Int32'.",
            "Cannot parse argument 'x' as expected type 'System.Int32'.", "'chek' was not matched. Did you mean one of the following?\ncheck",
            "--version option cannot be combined with other arguments.", "File does not exist: 'x'.",
        ];
        Assert.All(messages, message => Assert.All(English, word => Assert.DoesNotContain(word, FrenchCommandLine.Translate(message), StringComparison.Ordinal)));
        Assert.Equal("argument non reconnu : « x ». Valeurs possibles : a, b.", FrenchCommandLine.Translate(messages[0]));
    }
}
