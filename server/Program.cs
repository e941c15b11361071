using System.CommandLine;
using Cnaemo.NoteLsp.Server.Cli;
using Cnaemo.NoteLsp.Server.Lsp;

namespace Cnaemo.NoteLsp.Server;

/// <summary>The single executable: <c>notelsp check</c> for batch use, <c>notelsp lsp --stdio</c> for editors.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen mode.</summary>
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("notelsp : relecture des écrits professionnels du social (confidentialité et dignité).")
        {
            CheckCommand.Create(Console.In, Console.Out, Console.Error),
            LspCommand.Create(),
            RulesCommand.Create(Console.Out),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"notelsp : {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Voir « notelsp --help ».").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
    }
}
