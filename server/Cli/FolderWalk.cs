using Cnaemo.NoteLsp.Server.Io;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// Lists the documents of a folder and its subfolders, in ordinal order of their paths. Each folder is entered once,
/// known by its device and inode, so a symbolic link that points back up the tree cannot make the walk endless; FIFOs,
/// sockets and devices are skipped, since reading them may block for ever; a folder that cannot be read is reported
/// by name, and the walk goes on with the others.
/// </summary>
public static class FolderWalk
{
    /// <summary>
    /// Each document path with null, or a path with the French reason it cannot be listed. Every other entry that is not
    /// a folder goes to <paramref name="skipped"/> with the reason it is not read, so that a run can say what it left.
    /// </summary>
    public static IEnumerable<(string Path, string? Error)> Files(
        string root, IReadOnlyCollection<string> extensions, Action<string, string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var found = new List<(string Path, string? Error)>();
        var seen = new HashSet<(ulong Device, ulong Inode)>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var status = FileStatus.Of(folder);
            if (status.Inode != 0 && !seen.Add((status.Device, status.Inode)))
            {
                continue;
            }

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(folder);
            }
            catch (UnauthorizedAccessException)
            {
                found.Add((folder, "dossier illisible (droits d'accès) : ignoré"));
                continue;
            }
            catch (IOException e)
            {
                found.Add((folder, $"dossier illisible ({e.GetType().Name}) : ignoré"));
                continue;
            }

            // Subfolders are entered in ordinal order, so that which of two paths to one folder is kept is stable.
            Array.Sort(entries, StringComparer.Ordinal);
            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                var type = FileStatus.Of(entry).Type;
                if (type == EntryType.Directory)
                {
                    subfolders.Add(entry);
                }
                else if (type == EntryType.Regular
                    && extensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase)

                    // Word leaves a "~$name.docx" owner file beside a document it has open; it is not a document.
                    && !name.StartsWith("~$", StringComparison.Ordinal))
                {
                    found.Add((entry, null));
                }
                // A folder's settings file is read for the documents beside it; it is not a document left out.
                else if (skipped is not null && type != EntryType.Directory && name != Lsp.Server.WorkspaceSettingsFile.FileName)
                {
                    skipped(entry, SkipReason(name, type));
                }
            }

            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }

        found.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return found;
    }

    /// <summary>Why an entry of a folder is not read, in French, for the run's summary and <c>--verbose</c>.</summary>
    private static string SkipReason(string name, EntryType type)
    {
        if (type != EntryType.Regular)
        {
            return "pas un fichier ordinaire (tube, périphérique ou lien brisé)";
        }

        if (name.StartsWith("~$", StringComparison.Ordinal))
        {
            return "fichier de verrouillage de Word, pas un document";
        }

        return InputReader.UnsupportedFormat(Path.GetExtension(name)) ?? "format non relu (seuls .txt, .md, .markdown, .docx et .odt le sont)";
    }
}
