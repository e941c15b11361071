using System.CommandLine;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary><c>notelsp lsp --stdio</c>: the language server.</summary>
public static class LspCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var stdio = new Option<bool>("--stdio") { Description = "Dialogue JSON-RPC sur l'entrée et la sortie standard (seul transport pris en charge)." };
        var command = new Command("lsp", "Démarre le serveur de langage pour les éditeurs.") { stdio };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await Console.Error.WriteLineAsync("notelsp : le serveur de langage n'est pas encore livré dans cette version.").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        });
        return command;
    }
}
