using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Handlers;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Cnaemo.NoteLsp.Server.Lsp.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cnaemo.NoteLsp.Server.Lsp.Hosting;

/// <summary>
/// The language server's services, and the host services it relies on, registered with explicit factories.
/// </summary>
/// <remarks>
/// In the native executable, the container builds a service registered by its type by reading the type's
/// constructors through reflection, and builds each <c>IOptions&lt;T&gt;</c>, <c>ILogger&lt;T&gt;</c> and their
/// <c>IEnumerable</c> dependencies as new generic types at run time: that was most of the 36 million instructions
/// the host cost before the server could answer <c>initialize</c> (docs/performance.md, "Cold start"). A factory
/// is a plain method call. The host is the same: these are the objects it would have built, with the settings it
/// would have read from an empty configuration, plus ours.
/// </remarks>
public static class LspServiceRegistration
{
    /// <summary>Registers the host's lifetime, options and logging, then every service of the server.</summary>
    public static IServiceCollection AddLspServer(this IServiceCollection services, LspStreams streams, LspClient client, ILoggerProvider logProvider, LogLevel level)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The host's own services. Registered after the host's defaults, so these are the ones resolved.
        services.AddSingleton<IOptions<HostOptions>>(Options.Create(new HostOptions()));
        services.AddSingleton<IOptions<ConsoleLifetimeOptions>>(Options.Create(new ConsoleLifetimeOptions { SuppressStatusMessages = true }));
        services.AddSingleton<ILoggerFactory>(_ => new LoggerFactory([logProvider], new LoggerFilterOptions { MinLevel = level }));
        services.AddSingleton<IHostApplicationLifetime>(sp => new ApplicationLifetime(Logger<ApplicationLifetime>(sp)));
        services.AddSingleton<IHostLifetime>(sp => new ConsoleLifetime(
            sp.GetRequiredService<IOptions<ConsoleLifetimeOptions>>(),
            sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<IOptions<HostOptions>>(),
            sp.GetRequiredService<ILoggerFactory>()));

        // The host validates at start the options registered with ValidateOnStart. The server registers none; the
        // only one is the hook by which the host's metrics services attach the metrics listeners, and the server
        // registers no listener. Running it built about 8 million instructions of generic option types.
        services.AddSingleton<IStartupValidator>(new NoOptionsToValidate());

        // The server's state and features.
        services.AddSingleton(streams);
        services.AddSingleton(client);
        services.AddSingleton(_ => new ExitCodeHolder());
        services.AddSingleton(sp => new ServerState(Logger<ServerState>(sp)));
        services.AddSingleton(sp => new LspSession(sp.GetRequiredService<ServerState>()));
        services.AddSingleton(_ => new DocumentStore());
        services.AddSingleton(sp => new DocumentAnalysis(sp.GetRequiredService<ServerState>()));
        services.AddSingleton(sp => new DiagnosticsPublisher(
            sp.GetRequiredService<DocumentStore>(),
            sp.GetRequiredService<DocumentAnalysis>(),
            sp.GetRequiredService<ServerState>(),
            sp.GetRequiredService<LspClient>(),
            Logger<DiagnosticsPublisher>(sp)));
        services.AddSingleton(sp => new ConfigurationPuller(sp.GetRequiredService<ServerState>(), sp.GetRequiredService<LspClient>(), Logger<ConfigurationPuller>(sp)));
        services.AddSingleton(sp => new PseudonymiseCommand(sp.GetRequiredService<ServerState>()));
        services.AddSingleton(sp => new CommandRunner(
            sp.GetRequiredService<DocumentStore>(),
            sp.GetRequiredService<DocumentAnalysis>(),
            sp.GetRequiredService<ServerState>(),
            sp.GetRequiredService<LspClient>(),
            sp.GetRequiredService<PseudonymiseCommand>(),
            Logger<CommandRunner>(sp)));
        services.AddLspHandlers();
        services.AddHostedService(sp => new LspServerService(
            sp.GetRequiredService<LspStreams>(),
            sp.GetRequiredService<IEnumerable<ILspHandler>>(),
            sp.GetRequiredService<ServerState>(),
            sp.GetRequiredService<LspClient>(),
            sp.GetRequiredService<LspSession>(),
            sp.GetRequiredService<DiagnosticsPublisher>(),
            sp.GetRequiredService<ExitCodeHolder>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    /// <summary>The logger of category <typeparamref name="T"/>, without the container's generic <c>ILogger&lt;T&gt;</c>.</summary>
    internal static ILogger<T> Logger<T>(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger<T>();

    /// <summary>The start-up validation of a host that registers no options to validate.</summary>
    private sealed class NoOptionsToValidate : IStartupValidator
    {
        public void Validate()
        {
        }
    }
}
