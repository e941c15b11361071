using System.Text;

namespace Cnaemo.NoteLsp.Server.Io;

/// <summary>The kinds of file the server and the CLI open, each with its own size cap.</summary>
public enum GuardedFileKind
{
    /// <summary><c>.notelsp.json</c>: a few rule ids.</summary>
    Config,

    /// <summary>A custom YAML rule pack.</summary>
    Pack,

    /// <summary>A document to check (text, Markdown, .docx, .odt).</summary>
    Document,
}

/// <summary>Why a file was not read: a French sentence for the user, which never quotes the file's content.</summary>
public sealed class GuardedFileException(string message) : IOException(message);

/// <summary>
/// The one way the server and the CLI open a file. It reads regular files only (a FIFO or a device could block or
/// never end: <c>.notelsp.json -> /dev/zero</c> once took 4 GB in 12 s), resolves symbolic links and, when a
/// workspace is given, refuses a target outside it (Git can commit a link to any file), and refuses a file above the
/// cap of its kind before reading a byte. Its errors name the file and the limit, never a line of it.
/// </summary>
public static class GuardedFile
{
    /// <summary>The cap of <c>.notelsp.json</c>: 1 MiB.</summary>
    public const long ConfigCap = 1L << 20;

    /// <summary>The cap of a custom rule pack: 8 MiB.</summary>
    public const long PackCap = 8L << 20;

    /// <summary>The cap of a document: 256 MiB (the CLI holds the text and its folded copy in memory).</summary>
    public const long DocumentCap = 256L << 20;

    /// <summary>The cap for <paramref name="kind"/>.</summary>
    public static long CapOf(GuardedFileKind kind) => kind switch
    {
        GuardedFileKind.Config => ConfigCap,
        GuardedFileKind.Pack => PackCap,
        _ => DocumentCap,
    };

    /// <summary>
    /// Checks <paramref name="path"/> and opens it for reading. Throws <see cref="GuardedFileException"/> with a
    /// French reason, <see cref="FileNotFoundException"/> when nothing is there.
    /// </summary>
    public static FileStream OpenRead(string path, GuardedFileKind kind, string? confineTo = null)
    {
        var real = Check(path, kind, confineTo);
        return new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
    }

    /// <summary>The whole file as bytes, after the checks of <see cref="OpenRead"/>.</summary>
    public static byte[] ReadAllBytes(string path, GuardedFileKind kind, string? confineTo = null)
    {
        using var stream = OpenRead(path, kind, confineTo);
        var cap = CapOf(kind);

        // The size is read again from the open file: it may have grown since the check.
        if (stream.Length > cap)
        {
            throw TooLarge(kind, cap);
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The whole file as UTF-8 text (a leading byte-order mark is dropped), after the checks.</summary>
    public static string ReadAllText(string path, GuardedFileKind kind, string? confineTo = null)
    {
        var bytes = ReadAllBytes(path, kind, confineTo);
        var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
    }

    /// <summary>How two paths are compared: Windows file names ignore case ("C:\" and "c:\" are one drive).</summary>
    public static StringComparison PathComparison =>
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The real path to open, once every check has passed.</summary>
    public static string Check(string path, GuardedFileKind kind, string? confineTo = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var real = RealPath(Path.GetFullPath(path));
        if (confineTo is not null)
        {
            var root = RealPath(Path.GetFullPath(confineTo));
            var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            if (!real.StartsWith(prefix, PathComparison))
            {
                throw new GuardedFileException("le fichier est un lien vers un emplacement hors de l'espace de travail : il n'est pas lu");
            }
        }

        var status = FileStatus.Of(real);
        switch (status.Type)
        {
            case EntryType.Missing:
                throw new FileNotFoundException("fichier introuvable");
            case EntryType.Directory:
                throw new GuardedFileException("c'est un dossier, pas un fichier");
            case EntryType.Regular:
                break;
            default:
                throw new GuardedFileException("ce n'est pas un fichier ordinaire (tube, périphérique ou socket) : il n'est pas lu");
        }

        var cap = CapOf(kind);
        if (status.Size > cap)
        {
            throw TooLarge(kind, cap);
        }

        return real;
    }

    private static GuardedFileException TooLarge(GuardedFileKind kind, long cap)
    {
        var what = kind switch
        {
            GuardedFileKind.Config => "un fichier de réglages",
            GuardedFileKind.Pack => "un pack de règles",
            _ => "un document",
        };
        return new GuardedFileException($"fichier trop volumineux pour {what} (limite : {cap >> 20} Mio) : il n'est pas lu");
    }

    /// <summary>
    /// The path with every symbolic link resolved, component by component, so that a link in a parent folder
    /// counts as much as one at the end. A chain of more than 40 links is refused, as the kernel does.
    /// </summary>
    private static string RealPath(string fullPath)
    {
        var hops = 0;
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var pending = new Stack<string>(fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++hops > 40)
            {
                throw new GuardedFileException("trop de liens symboliques enchaînés : le fichier n'est pas lu");
            }

            var targetFull = Path.IsPathRooted(target) ? target : Path.Join(current, target);
            var targetRoot = Path.GetPathRoot(targetFull) ?? string.Empty;
            foreach (var piece in targetFull[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(piece);
            }

            current = targetRoot;
        }

        return current.Length == 0 ? fullPath : current;
    }
}
