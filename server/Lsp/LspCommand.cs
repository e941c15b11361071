using System.CommandLine;
using Cnaemo.NoteLsp.Server.Lsp.Hosting;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp;

/// <summary><c>notelsp lsp --stdio</c>: the language server.</summary>
public static class LspCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var stdio = new Option<bool>("--stdio") { Description = "Dialogue JSON-RPC sur l'entrée et la sortie standard (seul transport pris en charge)." };
        var logLevel = new Option<string>("--log-level")
        {
            Description = "Niveau du journal sur la sortie d'erreur : debug, info, warn ou error.",
            DefaultValueFactory = _ => "info",
        };
        logLevel.AcceptOnlyFromAmong("debug", "info", "warn", "error");
        var command = new Command("lsp", "Démarre le serveur de langage pour les éditeurs.") { stdio, logLevel };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var level = parse.GetValue(logLevel) switch
            {
                "debug" => LogLevel.Debug,
                "warn" => LogLevel.Warning,
                "error" => LogLevel.Error,
                _ => LogLevel.Information,
            };
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return await RunAsync(new LspStreams(input, output), Console.Error, level, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs a session over <paramref name="streams"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(LspStreams streams, TextWriter stderr, LogLevel level, CancellationToken cancellationToken)
    {
        // The rule packs are loaded once initialize has been answered (ServerState.MarkInitializeAnswered). Until
        // then the other core builds what the answer needs and the host does not: the serialisation metadata.
        _ = Task.Run(LspConnection.WarmUp, CancellationToken.None);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        var client = new LspClient();
        builder.Services.AddLspServer(streams, client, new LspLoggerProvider(client, stderr, level), level);

        using var host = builder.Build();
        var exitCode = host.Services.GetRequiredService<ExitCodeHolder>();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return exitCode.Value;
    }
}
