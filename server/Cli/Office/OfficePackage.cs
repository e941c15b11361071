using System.IO.Compression;
using System.Xml;

namespace Cnaemo.NoteLsp.Server.Cli.Office;

/// <summary>
/// The zip container shared by .docx and .odt files, read straight from the file: nothing is unpacked to disk, so no
/// document text ever lands in a temporary file.
/// </summary>
internal sealed class OfficePackage : IDisposable
{
    // A report is a few hundred kilobytes of XML. These bounds only stop a crafted file from filling the memory: a
    // 22 KB .docx whose 20 MB header was referenced 200 times once took more than 10 GB. The budget counts the XML
    // characters of every part read, together, and each part is read once however often it is referenced.
    private const long MaxCharactersInAllParts = 64L * 1024 * 1024;
    private const int MaxEntries = 10_000;

    private readonly ZipArchive _archive;
    private readonly HashSet<string> _partsRead = new(StringComparer.Ordinal);
    private long _charactersLeft = MaxCharactersInAllParts;

    private OfficePackage(ZipArchive archive) => _archive = archive;

    /// <summary>Opens the container, or explains in French why the file is not one.</summary>
    public static OfficePackage Open(Stream stream, string notAPackageMessage)
    {
        try
        {
            var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            if (archive.Entries.Count > MaxEntries)
            {
                archive.Dispose();
                throw new OfficeDocumentException($"le fichier contient plus de {MaxEntries} parties : il n'est pas lu (document anormal ou endommagé)");
            }

            return new OfficePackage(archive);
        }
        catch (InvalidDataException)
        {
            stream.Dispose();
            throw new OfficeDocumentException(notAPackageMessage);
        }
    }

    /// <summary>Whether the container holds <paramref name="name"/>.</summary>
    public bool Has(string name) => _archive.GetEntry(name) is not null;

    /// <summary>The text of a small part such as the "mimetype" entry of an OpenDocument file.</summary>
    public string? ReadSmallText(string name)
    {
        var entry = _archive.GetEntry(name);
        if (entry is null || entry.Length > 4096)
        {
            return null;
        }

        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Reads a part as XML with <paramref name="visit"/>. DTDs are refused (no entity expansion, no external
    /// resolution), and the size is bounded.
    /// </summary>
    public void ReadXml(string name, Action<XmlReader> visit)
    {
        var entry = _archive.GetEntry(name) ?? throw new OfficeDocumentException($"la partie {name} manque : le fichier est incomplet ou endommagé");
        if (!_partsRead.Add(entry.FullName))
        {
            return;
        }

        // .NET's zip reader stops at the size an entry declares, so the declared size bounds what is read.
        if (entry.Length > _charactersLeft)
        {
            throw TooLarge();
        }

        _charactersLeft -= entry.Length;

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = Math.Max(1, entry.Length),
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, settings);
            visit(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            throw new OfficeDocumentException($"la partie {name} est illisible : le fichier est endommagé");
        }
    }

    public void Dispose() => _archive.Dispose();

    private static OfficeDocumentException TooLarge() =>
        new($"le texte décompressé du fichier dépasse {MaxCharactersInAllParts >> 20} Mo : il n'est pas lu (document anormal)");
}
