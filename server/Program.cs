using System.CommandLine;
using System.Text;
using Cnaemo.NoteLsp.Server.Cli;
using Cnaemo.NoteLsp.Server.Io;
using Cnaemo.NoteLsp.Server.Lsp;

namespace Cnaemo.NoteLsp.Server;

/// <summary>The single executable: <c>notelsp check</c> for batch use, <c>notelsp lsp --stdio</c> for editors.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen mode.</summary>
    public static async Task<int> Main(string[] args)
    {
        DiagnosticPort.Close();

        // Windows consoles and pipes use the OEM code page (850 in France), which garbles every accent of the French
        // messages on stderr, in the text report and in standard input; editors read the server's stderr as UTF-8.
        // Elsewhere the streams are UTF-8 already.
        if (OperatingSystem.IsWindows())
        {
            Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        // A report sent to a file or a pipe goes through a 64 KB buffer, flushed when the command ends. Console.Out
        // flushes at every write: a JSON report of 200 files cost 48,000 system calls, one per 260 bytes. A terminal
        // keeps Console.Out, so that lines appear as they are written and stay in step with the messages on stderr.
        // The language server does not use Console.Out (it speaks on its own standard streams) and its start is
        // measured, so it does not even build the writer.
        await using var buffered = args.FirstOrDefault() != "lsp" && Console.IsOutputRedirected
            ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16)
            : null;
        var stdout = (TextWriter?)buffered ?? Console.Out;
        var root = new RootCommand("notelsp : relecture des écrits professionnels du social (confidentialité et dignité).")
        {
            CheckCommand.Create(Console.In, stdout, Console.Error, progressByDefault: !Console.IsErrorRedirected && Console.IsOutputRedirected),
            LspCommand.Create(),
            RulesCommand.Create(stdout),
        };

        FrenchCommandLine.Localise(root);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"notelsp : {FrenchCommandLine.Translate(error.Message)}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Voir « notelsp --help ».").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        try
        {
            // System.CommandLine's own handler would print the stack trace and exit with 1, the code of "findings".
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The last guard: any failure is reported as an internal error with exit code 3.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // Only the type: the message or the stack could quote a document.
            await Console.Error.WriteLineAsync($"notelsp : erreur interne ({e.GetType().Name}).").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
