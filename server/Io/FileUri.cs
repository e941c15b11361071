namespace Cnaemo.NoteLsp.Server.Io;

/// <summary>
/// Local paths from the file URIs that editors send. Written out rather than left to <see cref="Uri.LocalPath"/>,
/// because editors on Windows send the drive with its colon percent-encoded (<c>file:///c%3A/Users/…</c>, as VS Code
/// does), which <see cref="Uri"/> keeps as part of the path, so the workspace file and the custom packs were never found
/// there. The same URI gives the same path whatever the system the server is built for, apart from the separator.
/// </summary>
public static class FileUri
{
    /// <summary>The local path of a <c>file:</c> URI on this system, or null when it is not one.</summary>
    public static string? ToLocalPath(string? uri) => ToLocalPath(uri, OperatingSystem.IsWindows());

    /// <summary>
    /// The local path of a <c>file:</c> URI, as Windows (<paramref name="windows"/>) or a Unix system reads it: the path
    /// percent-decoded, a drive letter without the slash before it and with backslashes on Windows; a host other than
    /// <c>localhost</c> is a UNC share on Windows and has no local path elsewhere.
    /// </summary>
    public static string? ToLocalPath(string? uri, bool windows)
    {
        if (uri is null || !uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = uri.AsSpan(5);
        var end = rest.IndexOfAny('?', '#');
        if (end >= 0)
        {
            rest = rest[..end];
        }

        var host = string.Empty;
        if (rest.StartsWith("//"))
        {
            rest = rest[2..];
            var slash = rest.IndexOf('/');
            host = Uri.UnescapeDataString((slash < 0 ? rest : rest[..slash]).ToString());
            rest = slash < 0 ? "/" : rest[slash..];
        }

        var path = Uri.UnescapeDataString(rest.ToString());
        if (path.Length == 0 || path[0] != '/' || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var remote = host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
        if (!windows)
        {
            return remote ? null : path;
        }

        if (remote)
        {
            return @"\\" + host + path.Replace('/', '\\');
        }

        if (path.Length >= 3 && char.IsAsciiLetter(path[1]) && path[2] == ':')
        {
            path = path[1..];
        }

        return path.Replace('/', '\\');
    }
}
