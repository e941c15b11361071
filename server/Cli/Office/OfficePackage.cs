using System.IO.Compression;
using System.Xml;

namespace Cnaemo.NoteLsp.Server.Cli.Office;

/// <summary>
/// The zip container shared by .docx and .odt files, read straight from the file: nothing is unpacked to disk, so no
/// document text ever lands in a temporary file.
/// </summary>
internal sealed class OfficePackage : IDisposable
{
    // A report is a few hundred kilobytes of XML; this bound only stops a crafted file from filling the memory.
    private const long MaxCharactersPerPart = 256L * 1024 * 1024;

    private readonly ZipArchive _archive;

    private OfficePackage(ZipArchive archive) => _archive = archive;

    /// <summary>Opens the container, or explains in French why the file is not one.</summary>
    public static OfficePackage Open(Stream stream, string notAPackageMessage)
    {
        try
        {
            return new OfficePackage(new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false));
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
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharactersPerPart,
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
}
