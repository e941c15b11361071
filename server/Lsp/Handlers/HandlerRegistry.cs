using Cnaemo.NoteLsp.Server.Lsp.Documents;
using Cnaemo.NoteLsp.Server.Lsp.Features;
using Cnaemo.NoteLsp.Server.Lsp.Hosting;
using Cnaemo.NoteLsp.Server.Lsp.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>
/// The one list of LSP methods this server answers. To add a method: write an <see cref="ILspHandler"/> (usually
/// a <see cref="RequestHandler{TParams, TResult}"/> or <see cref="NotificationHandler{TParams}"/>), add its
/// parameter and result types to <c>LspJsonContext</c>, and add one line here. Each handler is built by an
/// explicit factory: the native container would otherwise read its constructors through reflection at start-up
/// (<see cref="LspServiceRegistration"/>).
/// </summary>
public static class HandlerRegistry
{
    /// <summary>Registers every handler.</summary>
    public static IServiceCollection AddLspHandlers(this IServiceCollection services)
    {
        // Lifecycle.
        services.AddSingleton<ILspHandler>(sp => new InitializeHandler(sp.GetRequiredService<ServerState>(), LspServiceRegistration.Logger<InitializeHandler>(sp)));
        services.AddSingleton<ILspHandler>(sp => new InitializedHandler(sp.GetRequiredService<ConfigurationPuller>()));
        services.AddSingleton<ILspHandler>(sp => new ShutdownHandler(sp.GetRequiredService<ServerState>(), LspServiceRegistration.Logger<ShutdownHandler>(sp)));
        services.AddSingleton<ILspHandler>(sp => new ExitHandler(sp.GetRequiredService<LspSession>()));
        services.AddSingleton<ILspHandler>(sp => new SetTraceHandler());

        // Document synchronisation (mutating, applied in arrival order).
        services.AddSingleton<ILspHandler>(sp => new DidOpenHandler(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<DiagnosticsPublisher>()));
        services.AddSingleton<ILspHandler>(sp => new DidChangeHandler(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<DiagnosticsPublisher>(), LspServiceRegistration.Logger<DidChangeHandler>(sp)));
        services.AddSingleton<ILspHandler>(sp => new DidCloseHandler(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<DocumentAnalysis>(), sp.GetRequiredService<DiagnosticsPublisher>()));
        services.AddSingleton<ILspHandler>(sp => new DidSaveHandler(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<DiagnosticsPublisher>()));

        // Language features (reads on snapshots, cancellable).
        services.AddSingleton<ILspHandler>(sp => new HoverHandler(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<DocumentAnalysis>()));
        services.AddSingleton<ILspHandler>(sp => new CodeActionHandler(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<DocumentAnalysis>()));
        services.AddSingleton<ILspHandler>(sp => new CodeActionResolveHandler(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<PseudonymiseCommand>()));
        services.AddSingleton<ILspHandler>(sp => new DocumentDiagnosticHandler(sp.GetRequiredService<DocumentStore>(), sp.GetRequiredService<DocumentAnalysis>()));

        // Workspace.
        services.AddSingleton<ILspHandler>(sp => new DidChangeConfigurationHandler(sp.GetRequiredService<ConfigurationPuller>()));
        services.AddSingleton<ILspHandler>(sp => new DidChangeWorkspaceTrustHandler(sp.GetRequiredService<ServerState>()));
        services.AddSingleton<ILspHandler>(sp => new DidChangeWatchedFilesHandler(sp.GetRequiredService<ServerState>()));
        services.AddSingleton<ILspHandler>(sp => new ExecuteCommandHandler(sp.GetRequiredService<CommandRunner>()));
        return services;
    }
}
