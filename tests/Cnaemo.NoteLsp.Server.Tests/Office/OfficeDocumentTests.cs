using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Cnaemo.NoteLsp.Server.Cli.Office;
using Cnaemo.NoteLsp.Server.Tests.Cli;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static Cnaemo.NoteLsp.Server.Tests.Office.WordDocumentBuilder;

namespace Cnaemo.NoteLsp.Server.Tests.Office;

/// <summary>
/// Reports written in Word or LibreOffice are checked as they are: every part a reader of the file sees is read,
/// and each finding is located by paragraph, with the flagged words to search for.
/// </summary>
public sealed class OfficeDocumentTests : IDisposable
{
    private const string Phone = "Contacter la mère au 0612345678.";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_word_document_is_read_paragraph_by_paragraph_with_tabs_and_line_breaks()
    {
        var docx = Build(body =>
        {
            body.AppendChild(Paragraph("Rapport d'échéance"));
            body.AppendChild(Paragraph(new Text("Nom :"), new TabChar(), new Text("Théo"), new Break(), new Text("Âge : 12 ans")));
            body.AppendChild(new Table(new TableRow(new TableCell(Paragraph("Cellule du tableau")))));
        });

        var extracted = WordprocessingReader.Read(new MemoryStream(docx));

        Assert.Equal("Rapport d'échéance\n\nNom :\tThéo\nÂge : 12 ans\n\nCellule du tableau", extracted.Text);
        Assert.Equal([0, 20, 45], extracted.Paragraphs.Select(p => p.Start));
        Assert.All(extracted.Paragraphs, p => Assert.Equal("corps du texte", p.Part));
    }

    [Fact]
    public void Deleted_text_of_tracked_changes_and_field_codes_are_not_read()
    {
        var docx = Build(body => body.AppendChild(new Paragraph(
            new Run(new Text("Suivi ") { Space = SpaceProcessingModeValues.Preserve }),
            new DeletedRun(new Run(new DeletedText("par le psychiatre "))) { Id = "1", Author = "A" },
            new Run(new FieldCode(" PAGE ")),
            new Run(new Text("régulier.")))));

        Assert.Equal("Suivi régulier.", WordprocessingReader.Read(new MemoryStream(docx)).Text);
    }

    [Fact]
    public void Headers_footnotes_and_comments_are_read_after_the_body_and_named()
    {
        var docx = Build(body => body.AppendChild(Paragraph("Corps.")), main =>
        {
            AddHeader(main, "Dossier de Mme M.");
            AddFootnote(main, "Note de l'éducatrice.");
            AddComment(main, "À vérifier.");
        });

        var extracted = WordprocessingReader.Read(new MemoryStream(docx));

        var parts = extracted.Paragraphs.Select(p => (p.Part, Text: TextOf(extracted, p))).Where(p => p.Text.Length > 0).ToList();
        Assert.Equal(
            [("corps du texte", "Corps."), ("en-tête", "Dossier de Mme M."), ("note de bas de page", "Note de l'éducatrice."), ("commentaire", "À vérifier.")],
            parts);
        Assert.DoesNotContain("Jeanne Martin", extracted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_box_written_twice_for_compatibility_is_read_once()
    {
        const string RunBefore = "<w:r xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:t xml:space=\"preserve\">Avant </w:t></w:r>";
        const string markup =
            "<w:r xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
            "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><mc:AlternateContent>" +
            "<mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>Encadré</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>" +
            "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Encadré</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>" +
            "</mc:AlternateContent></w:r>";
        var docx = Build(body => body.AppendChild(new Paragraph { InnerXml = RunBefore + markup }));

        var extracted = WordprocessingReader.Read(new MemoryStream(docx));

        Assert.Equal(1, CountOf(extracted.Text, "Encadré"));
        Assert.StartsWith("Avant ", extracted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_locates_a_finding_in_a_word_file_by_paragraph_and_quotes_the_words()
    {
        _folder.WriteBytes("rapport.docx", Body("Rapport d'échéance", Phone));

        var result = CliRunner.Run(_folder.Path, null, "check", "rapport.docx");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("rapport.docx:2:22: warning [privacy.identifier.phone] Numéro de téléphone dans le texte.", lines[0]);
        Assert.Equal("    dans corps du texte, paragraphe 2 : « 0612345678 »", lines[1]);
    }

    [Fact]
    public void An_identifier_in_a_header_is_found_and_its_part_is_named()
    {
        _folder.WriteBytes("rapport.docx", Build(body => body.AppendChild(Paragraph("Rien à signaler.")), main => AddHeader(main, "Mère : 0612345678")));

        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "rapport.docx");

        using var report = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(report.RootElement.GetProperty("files")[0].GetProperty("findings").EnumerateArray());
        Assert.Equal("privacy.identifier.phone", finding.GetProperty("ruleId").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
        Assert.Equal(8, finding.GetProperty("column").GetInt32());
        Assert.Contains("dans en-tête, paragraphe 2 : « 0612345678 »",
            CliRunner.Run(_folder.Path, null, "check", "rapport.docx").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_libreoffice_document_is_read_with_its_spaces_notes_comments_and_header()
    {
        _folder.WriteBytes("note.odt", OpenDocumentBuilder.Build(
            "<text:h text:outline-level=\"1\">Note</text:h>" +
            "<text:p>Contacter<text:s text:c=\"2\"/>la mère<text:tab/>au 0612345678.<text:note text:note-class=\"footnote\">" +
            "<text:note-citation>1</text:note-citation><text:note-body><text:p>Source : la mère.</text:p></text:note-body></text:note></text:p>" +
            "<text:p>Fin.<office:annotation><dc:creator>Jeanne Martin</dc:creator><dc:date>2026-01-01</dc:date><text:p>À revoir.</text:p></office:annotation></text:p>" +
            "<text:tracked-changes><text:changed-region><text:deletion><text:p>Texte supprimé.</text:p></text:deletion></text:changed-region></text:tracked-changes>",
            header: "<text:p>Dossier 2026-14</text:p>"));

        using var stream = File.OpenRead(Path.Combine(_folder.Path, "note.odt"));
        var extracted = OpenDocumentReader.Read(stream);

        Assert.Equal(
            [("corps du texte", "Note"), ("corps du texte", "Contacter  la mère\tau 0612345678."), ("note de bas de page", "Source : la mère."),
             ("corps du texte", "Fin."), ("commentaire", "À revoir."), ("en-tête", "Dossier 2026-14")],
            extracted.Paragraphs.Select(p => (p.Part, TextOf(extracted, p))));
        var result = CliRunner.Run(_folder.Path, null, "check", "note.odt");
        Assert.Contains("note.odt:2:23: warning [privacy.identifier.phone]", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ancien.doc", "le format .doc n'est pas pris en charge")]
    [InlineData("faux.docx", "ce fichier n'est pas un document Word .docx lisible")]
    [InlineData("faux.odt", "ce fichier n'est pas un document texte OpenDocument .odt lisible")]
    public void A_file_that_cannot_be_read_is_named_with_what_to_do_and_the_others_are_still_checked(string name, string message)
    {
        // An old binary .doc, or a file encrypted by a password, is not a zip package.
        _folder.WriteBytes(name, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        _folder.WriteBytes("bon.docx", Body(Phone));

        var result = CliRunner.Run(_folder.Path, null, "check", name, "bon.docx");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"notelsp : {name} : {message}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("bon.docx:1:22:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_libreoffice_document_is_refused_with_a_clear_message()
    {
        _folder.WriteBytes("secret.odt", OpenDocumentBuilder.Build("<text:p>x</text:p>", encrypted: true));

        var result = CliRunner.Run(_folder.Path, null, "check", "secret.odt");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("protégé par un mot de passe", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_include_word_and_libreoffice_files_but_not_word_lock_files()
    {
        _folder.WriteBytes("dossier/a.docx", Body(Phone));
        _folder.WriteBytes("dossier/b.odt", OpenDocumentBuilder.Build($"<text:p>{Phone}</text:p>"));
        _folder.WriteBytes("dossier/~$a.docx", [0x4A, 0x4D]);

        var result = CliRunner.Run(_folder.Path, null, "check", "--format", "json", "dossier");

        using var report = JsonDocument.Parse(result.Stdout);
        var paths = report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Equal(["dossier/a.docx", "dossier/b.odt"], paths);
        Assert.Equal(1, result.ExitCode);
    }

    private static string TextOf(ExtractedText extracted, ExtractedParagraph paragraph)
    {
        var index = extracted.Paragraphs.ToList().IndexOf(paragraph);
        var end = index + 1 < extracted.Paragraphs.Count ? extracted.Paragraphs[index + 1].Start - 2 : extracted.Text.Length;
        return extracted.Text[paragraph.Start..end];
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

/// <summary>Writes .odt files the way LibreOffice lays them out: mimetype first, content, styles, manifest.</summary>
public static class OpenDocumentBuilder
{
    private const string Namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " +
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

    /// <summary>A text document whose body is <paramref name="bodyXml"/>, with an optional page header.</summary>
    public static byte[] Build(string bodyXml, string? header = null, bool encrypted = false)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", "application/vnd.oasis.opendocument.text");
            Add(zip, "content.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {Namespaces}><office:automatic-styles/>" +
                $"<office:body><office:text>{bodyXml}</office:text></office:body></office:document-content>");
            Add(zip, "styles.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles {Namespaces}><office:master-styles>" +
                $"<style:master-page style:name=\"Standard\">{(header is null ? "" : $"<style:header>{header}</style:header>")}</style:master-page>" +
                "</office:master-styles></office:document-styles>");
            Add(zip, "META-INF/manifest.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">" +
                "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">" +
                (encrypted ? "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>" : "") +
                "</manifest:file-entry></manifest:manifest>");
        }

        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
