using System.Diagnostics;
using System.Text;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>The outcome of one run of the real notelsp executable.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the built notelsp executable as a user would, with arguments and optional standard input.</summary>
public static class CliRunner
{
    /// <summary>Runs <c>dotnet notelsp.dll</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static CliResult Run(string workingDirectory, string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "notelsp.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A temporary folder with test documents, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates an empty folder.</summary>
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("notelsp-cli-").FullName;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Writes a UTF-8 file and returns its path relative to the folder.</summary>
    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return relative;
    }

    /// <summary>Writes raw bytes.</summary>
    public string WriteBytes(string relative, byte[] bytes)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.Combine(Path, relative))!);
        File.WriteAllBytes(System.IO.Path.Combine(Path, relative), bytes);
        return relative;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
