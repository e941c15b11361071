using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Cnaemo.NoteLsp.Server.Tests.Office;

/// <summary>
/// Writes real .docx files with DocumentFormat.OpenXml, the library Microsoft maintains for Word files, so that the
/// CLI's own reader is checked against documents it did not write itself.
/// </summary>
public static class WordDocumentBuilder
{
    /// <summary>A document whose body is <paramref name="paragraphs"/>, one Word paragraph each.</summary>
    public static byte[] Body(params string[] paragraphs) => Build(body =>
    {
        foreach (var paragraph in paragraphs)
        {
            body.AppendChild(Paragraph(paragraph));
        }
    });

    /// <summary>Builds a document; <paramref name="fill"/> writes the body and may add other parts.</summary>
    public static byte[] Build(Action<Body> fill, Action<MainDocumentPart>? parts = null)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            fill(body);
            parts?.Invoke(main);
        }

        return memory.ToArray();
    }

    /// <summary>A paragraph of one run.</summary>
    public static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>A paragraph made of the given run contents, in order.</summary>
    public static Paragraph Paragraph(params OpenXmlElement[] runContents) => new(new Run(runContents));

    /// <summary>Adds a header part holding <paramref name="text"/> and links it from the section.</summary>
    public static void AddHeader(MainDocumentPart main, string text)
    {
        var part = main.AddNewPart<HeaderPart>();
        part.Header = new Header(Paragraph(text));
        var section = main.Document!.Body!.AppendChild(new SectionProperties());
        section.AppendChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
    }

    /// <summary>Adds a footnote part with one note holding <paramref name="text"/>, referenced from a new paragraph.</summary>
    public static void AddFootnote(MainDocumentPart main, string text)
    {
        var part = main.AddNewPart<FootnotesPart>();
        part.Footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(Paragraph(text)) { Id = 1 });
        main.Document!.Body!.AppendChild(new Paragraph(new Run(new FootnoteReference { Id = 1 })));
    }

    /// <summary>Adds a comment holding <paramref name="text"/>, by an author whose name must not be read.</summary>
    public static void AddComment(MainDocumentPart main, string text)
    {
        var part = main.AddNewPart<WordprocessingCommentsPart>();
        part.Comments = new Comments(new Comment(Paragraph(text)) { Id = "0", Author = "Jeanne Martin", Initials = "JM" });
    }
}
