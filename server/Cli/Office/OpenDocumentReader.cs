using System.Xml;

namespace Cnaemo.NoteLsp.Server.Cli.Office;

/// <summary>
/// Reads the text of an OpenDocument text file (.odt, LibreOffice and others): the body with its notes and comments,
/// then the headers and footers of the page styles. The deleted text that change tracking keeps is left out.
/// </summary>
public static class OpenDocumentReader
{
    private const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string TextMimeType = "application/vnd.oasis.opendocument.text";

    private const string NotAnOdt =
        "ce fichier n'est pas un document texte OpenDocument .odt lisible (protégé par un mot de passe ou endommagé) ; " +
        "ouvrez-le et enregistrez-le au format .odt, sans mot de passe, puis relancez";

    /// <summary>Extracts the text of the .odt held in <paramref name="stream"/>.</summary>
    public static ExtractedText Read(Stream stream)
    {
        using var package = OfficePackage.Open(stream, NotAnOdt);
        var mimeType = package.ReadSmallText("mimetype")?.Trim();
        if (mimeType is not null && mimeType != TextMimeType)
        {
            throw new OfficeDocumentException(
                "ce fichier OpenDocument n'est pas un document texte (tableur, présentation ?) ; seuls les .odt sont relus");
        }

        if (!package.Has("content.xml") || package.Has("META-INF/manifest.xml") && IsEncrypted(package))
        {
            throw new OfficeDocumentException(NotAnOdt);
        }

        var collector = new ParagraphCollector();
        package.ReadXml("content.xml", reader => CollectParagraphs(reader, collector, inPageStyles: false));
        if (package.Has("styles.xml"))
        {
            package.ReadXml("styles.xml", reader => CollectParagraphs(reader, collector, inPageStyles: true));
        }

        return collector.Build();
    }

    // An encrypted package still has a content.xml, but its bytes are ciphered; the manifest says so.
    private static bool IsEncrypted(OfficePackage package)
    {
        var encrypted = false;
        package.ReadXml("META-INF/manifest.xml", reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "encryption-data")
                {
                    encrypted = true;
                    return;
                }
            }
        });
        return encrypted;
    }

    /// <summary>
    /// Walks one part. In content.xml every paragraph counts; in styles.xml only those of page headers and footers,
    /// which is where a page style keeps text.
    /// </summary>
    private static void CollectParagraphs(XmlReader reader, ParagraphCollector collector, bool inPageStyles)
    {
        var parts = new Stack<(string Element, string Part)>();
        parts.Push(("", inPageStyles ? "" : "corps du texte"));
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.NamespaceURI == Text && reader.LocalName is "p" or "h")
                {
                    collector.Close();
                }
                else if (parts.Count > 1 && parts.Peek().Element == reader.NamespaceURI + reader.LocalName)
                {
                    parts.Pop();
                }

                reader.Read();
                continue;
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                // OpenDocument writes repeated spaces, tabs and line breaks as elements; bare white space is one space.
                if (collector.InParagraph)
                {
                    collector.Append(CollapseWhiteSpace(reader.Value));
                }

                reader.Read();
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var part = PartOf(reader, parts.Peek().Part);
            if (part != parts.Peek().Part && !reader.IsEmptyElement)
            {
                parts.Push((reader.NamespaceURI + reader.LocalName, part));
                reader.Read();
                continue;
            }

            if (ShouldSkip(reader))
            {
                reader.Skip();
                continue;
            }

            if (reader.NamespaceURI == Text)
            {
                switch (reader.LocalName)
                {
                    case "p" or "h" when parts.Peek().Part.Length > 0:
                        collector.Open(parts.Peek().Part);
                        if (reader.IsEmptyElement)
                        {
                            collector.Close();
                        }

                        break;
                    case "s":
                        collector.Append(new string(' ', int.TryParse(reader.GetAttribute("c", Text), out var count) && count is > 0 and < 1000 ? count : 1));
                        break;
                    case "tab":
                        collector.Append('\t');
                        break;
                    case "line-break":
                        collector.Append('\n');
                        break;
                }
            }

            reader.Read();
        }
    }

    // The part a user would name for the element the reader stands on, given the part around it.
    private static string PartOf(XmlReader reader, string current) => (reader.NamespaceURI, reader.LocalName) switch
    {
        (Text, "note") => reader.GetAttribute("note-class", Text) == "endnote" ? "note de fin" : "note de bas de page",
        (Office, "annotation") => "commentaire",
        (Style, "header" or "header-left" or "header-first") => "en-tête",
        (Style, "footer" or "footer-left" or "footer-first") => "pied de page",
        _ => current,
    };

    // Deleted text kept by change tracking, the number printed for a note, and a comment's author and date are not
    // prose of the document.
    private static bool ShouldSkip(XmlReader reader) => (reader.NamespaceURI, reader.LocalName) switch
    {
        (Text, "tracked-changes" or "note-citation") => true,
        (Office, "annotation-end") => true,
        (DublinCore, _) => true,
        _ => false,
    };

    private static string CollapseWhiteSpace(string value)
    {
        if (value.AsSpan().IndexOfAny("\r\n\t") < 0)
        {
            return value;
        }

        return value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
    }
}
