using System.Text;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Server.Cli.Office;
using Cnaemo.NoteLsp.Server.Io;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// One document to check: its path as given, its text, or the reason it could not be read. A word-processor file
/// also keeps its paragraphs, because it has no lines a reader could go to.
/// </summary>
public sealed record InputDocument(string Path, string? Text, DocumentFormat Format, string? Error, ExtractedText? Office = null)
{
    /// <summary>The file's last modification time, for the audit report's chart over time; null for standard input.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>The size of the file in bytes as read, for the progress line.</summary>
    public long Size { get; init; }
}

/// <summary>
/// Expands the command line's paths into documents: files as given, folders recursively (.txt, .md, .markdown,
/// .docx and .odt files, in a stable order, see <see cref="FolderWalk"/>), and "-" for standard input. Every file
/// goes through <see cref="GuardedFile"/>: regular files only, at most 256 MiB. Text must be UTF-8; a file that is not, or a
/// word-processor file that cannot be opened, is reported by name and the others are still read.
/// </summary>
public static class InputReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] FolderExtensions = [".txt", ".md", ".markdown", ".docx", ".odt"];

    /// <summary>Reads every input, in order.</summary>
    /// <param name="paths">The command line's paths.</param>
    /// <param name="stdin">Standard input, for "-".</param>
    /// <param name="forcedFormat">The format given by <c>--input-format</c>, or null to go by the extension.</param>
    /// <param name="skipped">Told of each file a folder walk leaves out, with the reason.</param>
    public static IEnumerable<InputDocument> Read(
        IEnumerable<string> paths, TextReader stdin, DocumentFormat? forcedFormat, Action<string, string>? skipped = null)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                yield return ReadStandardInput(stdin, forcedFormat ?? DocumentFormat.PlainText);
            }
            else if (FileStatus.Of(path).Type == EntryType.Directory)
            {
                foreach (var (file, error) in FolderWalk.Files(path, FolderExtensions, skipped))
                {
                    yield return error is null ? ReadFile(file, forcedFormat) : new InputDocument(file, null, forcedFormat ?? FormatOf(file), error);
                }
            }
            else
            {
                yield return ReadFile(path, forcedFormat);
            }
        }
    }

    /// <summary>
    /// How many documents <see cref="Read"/> will give and their size in bytes, for the progress line: the folders are
    /// listed once more, which costs little beside reading and checking the files. Standard input counts as one
    /// document of unknown size.
    /// </summary>
    public static (int Files, long Bytes) Census(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = 0;
        long bytes = 0;
        foreach (var path in paths)
        {
            var status = path == "-" ? default : FileStatus.Of(path);
            if (status.Type == EntryType.Directory)
            {
                foreach (var (file, _) in FolderWalk.Files(path, FolderExtensions))
                {
                    files++;
                    bytes += FileStatus.Of(file).Size;
                }
            }
            else
            {
                files++;
                bytes += status.Size;
            }
        }

        return (files, bytes);
    }

    /// <summary>What to do with a document format that is not read, in French; null for the formats that are read.</summary>
    public static string? UnsupportedFormat(string extension) => extension.ToLowerInvariant() switch
    {
        ".doc" or ".rtf" => $"le format {extension.ToLowerInvariant()} n'est pas pris en charge ; enregistrez le document au format .docx ou .odt puis relancez",
        ".pdf" => "un PDF n'est pas relu : c'est une copie figée, dont le texte peut être une image ; relisez le document d'origine (.docx, .odt) ou son texte enregistré en .txt",
        _ => null,
    };

    /// <summary>The format implied by a file name: markdown for .md and .markdown, plain text otherwise.</summary>
    public static DocumentFormat FormatOf(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() is ".md" or ".markdown" ? DocumentFormat.Markdown : DocumentFormat.PlainText;

    /// <summary>Standard input, refused past the document cap instead of filling the memory.</summary>
    private static InputDocument ReadStandardInput(TextReader stdin, DocumentFormat format)
    {
        var text = new StringBuilder();
        var buffer = new char[1 << 16];
        int read;
        while ((read = stdin.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > GuardedFile.DocumentCap)
            {
                return new InputDocument("-", null, format, $"entrée standard trop volumineuse pour un document (limite : {GuardedFile.DocumentCap >> 20} Mio)");
            }

            text.Append(buffer, 0, read);
        }

        var whole = text.ToString();
        return new InputDocument("-", whole, format, null) { Size = Encoding.UTF8.GetByteCount(whole) };
    }

    private static InputDocument ReadFile(string path, DocumentFormat? forcedFormat)
    {
        var format = forcedFormat ?? FormatOf(path);
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (UnsupportedFormat(extension) is { } unsupported)
        {
            return new InputDocument(path, null, format, unsupported);
        }

        try
        {
            // The modification date is the only thing the audit report says of a file besides its path.
            var modified = FileStatus.Of(path).Modified;
            if (extension is ".docx" or ".odt")
            {
                using var stream = GuardedFile.OpenRead(path, GuardedFileKind.Document);
                var size = stream.Length;
                var extracted = extension == ".docx" ? WordprocessingReader.Read(stream) : OpenDocumentReader.Read(stream);
                // The text of a word-processor file is prose: nothing in it is Markdown code to skip.
                return new InputDocument(path, extracted.Text, DocumentFormat.PlainText, null, extracted) { Modified = modified, Size = size };
            }

            var bytes = GuardedFile.ReadAllBytes(path, GuardedFileKind.Document);
            var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            return new InputDocument(path, StrictUtf8.GetString(bytes, offset, bytes.Length - offset), format, null) { Modified = modified, Size = bytes.Length };
        }
        catch (GuardedFileException e)
        {
            return new InputDocument(path, null, format, e.Message);
        }
        catch (OfficeDocumentException e)
        {
            return new InputDocument(path, null, format, e.Message);
        }
        catch (DecoderFallbackException)
        {
            return new InputDocument(path, null, format, "le fichier n'est pas encodé en UTF-8 ; enregistrez-le en UTF-8 puis relancez");
        }
        catch (FileNotFoundException)
        {
            return new InputDocument(path, null, format, "fichier introuvable");
        }
        catch (DirectoryNotFoundException)
        {
            return new InputDocument(path, null, format, "dossier introuvable");
        }
        catch (UnauthorizedAccessException)
        {
            return new InputDocument(path, null, format, "lecture refusée (droits d'accès)");
        }
        catch (IOException e)
        {
            return new InputDocument(path, null, format, $"lecture impossible ({e.GetType().Name})");
        }
    }
}
