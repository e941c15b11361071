namespace Cnaemo.NoteLsp.Server.Io;

/// <summary>
/// Takes away the .NET diagnostic socket of the JIT build. The runtime opens <c>/tmp/dotnet-diagnostic-PID-…-socket</c>
/// before <c>Main</c> unless <c>DOTNET_EnableDiagnostics=0</c> is in the environment; through it a tool of the same user
/// can dump the memory that holds the documents. .NET 10 reads this switch from the environment only (a runtimeconfig
/// property was tried and ignored), so the extension sets it when it starts the server, and for any other launcher the
/// server removes the socket's name (and the debugger's FIFOs) at start: they can then no longer be reached. The native (AOT)
/// executable has no diagnostic server at all.
/// </summary>
public static class DiagnosticPort
{
    /// <summary>Removes this process's diagnostic socket, if there is one; never fails.</summary>
    public static void Close()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_EnableDiagnostics") == "0")
        {
            return;
        }

        try
        {
            var temp = Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 } tmpdir ? tmpdir : "/tmp";
            // The debugger's two FIFOs (clr-debug-pipe-PID-…-in and -out) are the same kind of door.
            foreach (var pattern in new[] { $"dotnet-diagnostic-{Environment.ProcessId}-*-socket", $"clr-debug-pipe-{Environment.ProcessId}-*" })
            {
                foreach (var entry in Directory.EnumerateFiles(temp, pattern))
                {
                    File.Delete(entry);
                }
            }
        }
#pragma warning disable CA1031 // A missing or unreadable temporary folder must not stop the program.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
