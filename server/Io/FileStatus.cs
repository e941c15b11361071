using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Cnaemo.NoteLsp.Server.Io;

/// <summary>The type of a file system entry, as <c>stat</c> reports it.</summary>
public enum EntryType
{
    /// <summary>Nothing at that path.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A FIFO, a socket, or a character or block device: never read, since reading may block or never end.</summary>
    Special,
}

/// <summary>What the guarded reader needs to know about a path before opening it.</summary>
/// <param name="Type">Regular file, directory, link or special file.</param>
/// <param name="Size">The size in bytes of a regular file.</param>
/// <param name="Device">The device number, which with <paramref name="Inode"/> names the file whatever the path.</param>
/// <param name="Inode">The inode number.</param>
/// <param name="Modified">The time of the last change to the content, in UTC; the default value when it is not known.</param>
public readonly partial record struct FileStatus(EntryType Type, long Size, ulong Device, ulong Inode, DateTimeOffset Modified = default)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private static bool s_statxUnavailable;

    /// <summary>
    /// The status of <paramref name="path"/>; links are followed unless <paramref name="followLinks"/> is false.
    /// On Linux it asks the kernel (<c>statx</c>), which tells FIFOs and devices apart and gives the device and inode;
    /// elsewhere it falls back on .NET's file information, where only the Linux cases matter less (no FIFO in a
    /// Windows folder walk).
    /// </summary>
    public static FileStatus Of(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && !s_statxUnavailable)
        {
            try
            {
                return OfStatx(path, followLinks);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_statxUnavailable = true;
            }
        }

        return OfManaged(path, followLinks);
    }

    private static FileStatus OfStatx(string path, bool followLinks)
    {
        // struct statx has the same 256-byte layout on every Linux architecture.
        Span<byte> buffer = stackalloc byte[256];
        buffer.Clear();
        if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            return new FileStatus(EntryType.Missing, 0, 0, 0);
        }

        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]);
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]);
        var size = BinaryPrimitives.ReadInt64LittleEndian(buffer[40..]);
        var deviceMajor = BinaryPrimitives.ReadUInt32LittleEndian(buffer[136..]);
        var deviceMinor = BinaryPrimitives.ReadUInt32LittleEndian(buffer[140..]);

        // stx_mtime: seconds since the epoch, then nanoseconds.
        var modifiedSeconds = BinaryPrimitives.ReadInt64LittleEndian(buffer[112..]);
        var type = (mode & 0xF000) switch
        {
            0x8000 => EntryType.Regular,
            0x4000 => EntryType.Directory,
            0xA000 => EntryType.SymbolicLink,
            _ => EntryType.Special,
        };
        return new FileStatus(type, size, ((ulong)deviceMajor << 32) | deviceMinor, inode, DateTimeOffset.FromUnixTimeSeconds(modifiedSeconds));
    }

    private static FileStatus OfManaged(string path, bool followLinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if (!info.Exists)
        {
            info = new DirectoryInfo(path);
            if (!info.Exists)
            {
                return new FileStatus(EntryType.Missing, 0, 0, 0);
            }
        }

        if (info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                return new FileStatus(EntryType.SymbolicLink, 0, 0, 0);
            }

            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        return info switch
        {
            DirectoryInfo => new FileStatus(EntryType.Directory, 0, 0, (ulong)StringComparer.Ordinal.GetHashCode(info.FullName)),
            FileInfo { Exists: true } file => new FileStatus(EntryType.Regular, file.Length, 0, 0, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)),
            _ => new FileStatus(EntryType.Missing, 0, 0, 0),
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, ref byte buffer);
}
