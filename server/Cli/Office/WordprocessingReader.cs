using System.Xml;

namespace Cnaemo.NoteLsp.Server.Cli.Office;

/// <summary>
/// Reads the text of a Word document (.docx, Office Open XML): the body, then the headers, footers, footnotes,
/// endnotes and comments, because an identifier or a remark in any of them is handed over with the file. Deleted text
/// of tracked changes and field codes are not text the reader sees, and are left out.
/// </summary>
/// <remarks>
/// DocumentFormat.OpenXml was measured for this: a NativeAOT build that opens a document with it weighs 22.9 MB
/// against 9.4 MB for the whole server, because opening a package roots its typed schema. Reading the few elements
/// that carry text with <see cref="XmlReader"/> keeps the server small; the tests write their documents with
/// DocumentFormat.OpenXml, so the reader is checked against the library's output.
/// </remarks>
public static class WordprocessingReader
{
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string StrictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private const string NotADocx =
        "ce fichier n'est pas un document Word .docx lisible (protégé par un mot de passe, endommagé, ou au format .doc " +
        "ancien) ; ouvrez-le et enregistrez-le au format .docx, sans mot de passe, puis relancez";

    // The parts a reader of the file can see besides the body, with the French name a user gives them.
    private static readonly (string RelationshipType, string Part)[] SecondaryParts =
    [
        ("/header", "en-tête"),
        ("/footer", "pied de page"),
        ("/footnotes", "note de bas de page"),
        ("/endnotes", "note de fin"),
        ("/comments", "commentaire"),
    ];

    /// <summary>Extracts the text of the .docx held in <paramref name="stream"/>.</summary>
    public static ExtractedText Read(Stream stream)
    {
        using var package = OfficePackage.Open(stream, NotADocx);
        var mainPart = Relationships(package, "_rels/.rels", "")
            .FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target;
        if (mainPart is null || !package.Has(mainPart))
        {
            throw new OfficeDocumentException(NotADocx);
        }

        var collector = new ParagraphCollector();
        package.ReadXml(mainPart, reader => CollectParagraphs(reader, collector, "corps du texte"));

        var folder = mainPart.Contains('/', StringComparison.Ordinal) ? mainPart[..(mainPart.LastIndexOf('/') + 1)] : "";
        var related = Relationships(package, $"{folder}_rels/{mainPart[folder.Length..]}.rels", folder);
        foreach (var (relationshipType, part) in SecondaryParts)
        {
            foreach (var target in related.Where(r => r.Type.EndsWith(relationshipType, StringComparison.Ordinal))
                         .Select(r => r.Target).Where(package.Has).Order(StringComparer.Ordinal))
            {
                package.ReadXml(target, reader => CollectParagraphs(reader, collector, part));
            }
        }

        return collector.Build();
    }

    private static void CollectParagraphs(XmlReader reader, ParagraphCollector collector, string part)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == MarkupCompatibility && reader.LocalName == "Fallback")
            {
                // A text box is written twice, as DrawingML and as a VML fallback: reading both would double its text.
                reader.Skip();
                continue;
            }

            if (reader.NamespaceURI is not (Main or StrictMain))
            {
                reader.Read();
                continue;
            }

            if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "p")
                {
                    collector.Close();
                }

                reader.Read();
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "p":
                    collector.Open(part);
                    if (reader.IsEmptyElement)
                    {
                        collector.Close();
                    }

                    reader.Read();
                    break;
                case "pPr" or "rPr" or "sectPr":
                    // Properties hold no text, but their tab stops are also called "tab".
                    reader.Skip();
                    break;
                case "t":
                    collector.Append(reader.ReadElementContentAsString());
                    break;
                case "tab":
                    collector.Append('\t');
                    reader.Read();
                    break;
                case "br" or "cr":
                    collector.Append('\n');
                    reader.Read();
                    break;
                case "noBreakHyphen":
                    collector.Append('-');
                    reader.Read();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }
    }

    private static List<(string Type, string Target)> Relationships(OfficePackage package, string relationshipsPart, string folder)
    {
        var found = new List<(string Type, string Target)>();
        if (!package.Has(relationshipsPart))
        {
            return found;
        }

        package.ReadXml(relationshipsPart, reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.NamespaceURI != PackageRelationships
                    || reader.GetAttribute("TargetMode") == "External")
                {
                    continue;
                }

                var type = reader.GetAttribute("Type");
                var target = reader.GetAttribute("Target");
                if (type is not null && target is not null)
                {
                    found.Add((type, ResolveTarget(folder, target)));
                }
            }
        });
        return found;
    }

    // Targets are relative to the folder of the part that declares them, or absolute from the package root.
    private static string ResolveTarget(string folder, string target)
    {
        if (target.StartsWith('/'))
        {
            return target[1..];
        }

        var segments = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in target.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
