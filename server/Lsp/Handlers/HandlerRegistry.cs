using Microsoft.Extensions.DependencyInjection;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>
/// The one list of LSP methods this server answers. To add a method: write an <see cref="ILspHandler"/> (usually
/// a <see cref="RequestHandler{TParams, TResult}"/> or <see cref="NotificationHandler{TParams}"/>), add its
/// parameter and result types to <c>LspJsonContext</c>, and add one line here.
/// </summary>
public static class HandlerRegistry
{
    /// <summary>Registers every handler.</summary>
    public static IServiceCollection AddLspHandlers(this IServiceCollection services)
    {
        // Lifecycle.
        services.AddSingleton<ILspHandler, InitializeHandler>();
        services.AddSingleton<ILspHandler, InitializedHandler>();
        services.AddSingleton<ILspHandler, ShutdownHandler>();
        services.AddSingleton<ILspHandler, ExitHandler>();
        services.AddSingleton<ILspHandler, SetTraceHandler>();

        // Document synchronisation (mutating, applied in arrival order).
        services.AddSingleton<ILspHandler, DidOpenHandler>();
        services.AddSingleton<ILspHandler, DidChangeHandler>();
        services.AddSingleton<ILspHandler, DidCloseHandler>();
        services.AddSingleton<ILspHandler, DidSaveHandler>();

        // Language features (reads on snapshots, cancellable).
        services.AddSingleton<ILspHandler, HoverHandler>();
        services.AddSingleton<ILspHandler, CodeActionHandler>();
        services.AddSingleton<ILspHandler, CodeActionResolveHandler>();
        services.AddSingleton<ILspHandler, DocumentDiagnosticHandler>();

        // Workspace.
        services.AddSingleton<ILspHandler, DidChangeConfigurationHandler>();
        services.AddSingleton<ILspHandler, DidChangeWorkspaceTrustHandler>();
        services.AddSingleton<ILspHandler, ExecuteCommandHandler>();
        return services;
    }
}
