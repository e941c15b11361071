using Cnaemo.NoteLsp.Server.Lsp.Hosting;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>
/// The one list of LSP methods this server answers. To add a method: write an <see cref="ILspHandler"/> (usually
/// a <see cref="RequestHandler{TParams, TResult}"/> or <see cref="NotificationHandler{TParams}"/>), add its
/// parameter and result types to <c>LspJsonContext</c>, and add one line here.
/// </summary>
public static class HandlerRegistry
{
    /// <summary>Builds every handler over the session's shared objects.</summary>
    public static IReadOnlyList<ILspHandler> Create(LspServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return
        [
            // Lifecycle.
            new InitializeHandler(s.State, s.Logger<InitializeHandler>()),
            new InitializedHandler(s.Puller),
            new ShutdownHandler(s.State, s.Logger<ShutdownHandler>()),
            new ExitHandler(s.Session),
            new SetTraceHandler(),

            // Document synchronisation (mutating, applied in arrival order).
            new DidOpenHandler(s.Documents, s.Publisher),
            new DidChangeHandler(s.Documents, s.Publisher, s.Logger<DidChangeHandler>()),
            new DidCloseHandler(s.Documents, s.Analysis, s.Publisher),
            new DidSaveHandler(s.Documents, s.Publisher),

            // Language features (reads on snapshots, cancellable).
            new HoverHandler(s.Documents, s.Analysis),
            new CodeActionHandler(s.Documents, s.Analysis),
            new CodeActionResolveHandler(s.Documents, s.Pseudonymise),
            new DocumentDiagnosticHandler(s.Documents, s.Analysis),

            // Workspace.
            new DidChangeConfigurationHandler(s.Puller),
            new DidChangeWorkspaceTrustHandler(s.State),
            new ExecuteCommandHandler(s.Commands),
        ];
    }
}
