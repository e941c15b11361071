namespace Cnaemo.NoteLsp.Server.Lsp.Server;

/// <summary>The end of the session: set by <c>exit</c> or by the client closing the connection.</summary>
public sealed class LspSession(ServerState state)
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the process exit code.</summary>
    public Task<int> Exited => _exit.Task;

    /// <summary><c>exit</c>: 0 after <c>shutdown</c>, 1 otherwise, as LSP 3.17 specifies.</summary>
    public void RequestExit() => _exit.TrySetResult(state.IsShutdownRequested ? 0 : 1);

    /// <summary>The client closed the stream without <c>exit</c>: same codes.</summary>
    public void ConnectionLost() => _exit.TrySetResult(state.IsShutdownRequested ? 0 : 1);
}
