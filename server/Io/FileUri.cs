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

    /// <summary>The <c>file:</c> URI of a local path on this system, in the form VS Code writes.</summary>
    public static string FromLocalPath(string path) => FromLocalPath(path, OperatingSystem.IsWindows());

    /// <summary>
    /// The <c>file:</c> URI of a local path, written as VS Code writes it, so that an edit the server sends names the file
    /// the editor already knows: each segment percent-encoded, and on Windows the drive letter in lower case with its colon
    /// encoded (<c>file:///c%3A/…</c>) and a UNC share as the URI's host.
    /// </summary>
    public static string FromLocalPath(string path, bool windows)
    {
        ArgumentNullException.ThrowIfNull(path);
        var host = string.Empty;
        if (windows)
        {
            path = path.Replace('\\', '/');
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                var slash = path.IndexOf('/', 2);
                host = slash < 0 ? path[2..] : path[2..slash];
                path = slash < 0 ? "/" : path[slash..];
            }
            else if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
            {
                path = "/" + char.ToLowerInvariant(path[0]) + path[1..];
            }
        }

        var segments = path.Split('/').Select(Uri.EscapeDataString);
        return "file://" + Uri.EscapeDataString(host) + string.Join('/', segments);
    }
}
