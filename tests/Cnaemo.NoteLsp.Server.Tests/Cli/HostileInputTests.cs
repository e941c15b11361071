using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// Inputs that once hung the CLI, crashed it or filled the memory (issue #14). Each now ends quickly with a named
/// error, and the other inputs of the run are still checked.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Flagged = "Contacter la mère au 0612345678.\n";
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_fifo_in_a_folder_is_skipped_and_a_fifo_named_on_the_command_line_is_refused()
    {
        _folder.Write("dossier/ok.md", Flagged);
        MakeFifo(Path.Combine(_folder.Path, "dossier", "tube.md"));
        MakeFifo(Path.Combine(_folder.Path, "tube.txt"));
        var result = Timed(() => CliRunner.Run(_folder.Path, null, "check", "dossier", "tube.txt"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ok.md:1:22:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("tube.txt : ce n'est pas un fichier ordinaire", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("tube.md", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_as_a_document_and_as_a_pack()
    {
        _folder.Write("ok.txt", Flagged);
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "zero.md"), "/dev/zero");
        var document = Timed(() => CliRunner.Run(_folder.Path, null, "check", "zero.md", "ok.txt"));
        Assert.Equal(2, document.ExitCode);
        Assert.Contains("zero.md : ce n'est pas un fichier ordinaire", document.Stderr, StringComparison.Ordinal);
        Assert.Contains("ok.txt:1:22:", document.Stdout, StringComparison.Ordinal);

        var pack = Timed(() => CliRunner.Run(_folder.Path, null, "check", "--rules", "/dev/zero", "ok.txt"));
        Assert.Equal(2, pack.ExitCode);
        Assert.Contains("pack de règles invalide", pack.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", pack.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Symbolic_link_loops_are_walked_once()
    {
        _folder.Write("a/note.md", Flagged);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "b"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "a", "vers-b"), Path.Combine(_folder.Path, "b"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "b", "vers-a"), Path.Combine(_folder.Path, "a"));
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "a", "moi-meme"), Path.Combine(_folder.Path, "a"));
        var result = Timed(() => CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", "."));
        Assert.Equal(0, result.ExitCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Stdout, "note\\.md\""));
    }

    [Fact]
    public void A_file_of_more_than_2_GiB_is_refused_with_its_size_limit()
    {
        using (var sparse = File.Create(Path.Combine(_folder.Path, "enorme.txt")))
        {
            sparse.SetLength((2L << 30) + 1);
        }

        _folder.Write("ok.txt", Flagged);
        var result = Timed(() => CliRunner.Run(_folder.Path, null, "check", "enorme.txt", "ok.txt"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("enorme.txt : fichier trop volumineux pour un document (limite : 256 Mio)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ok.txt:1:22:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_referenced_200_times_is_read_once()
    {
        var header = "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:r><w:t>Tél. 0612345678 "
            + new string('a', 10 << 20) + "</w:t></w:r></w:p></w:hdr>";
        var relationships = string.Concat(Enumerable.Range(1, 200).Select(i =>
            $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"));
        WriteDocx("amplifie.docx", "<w:p><w:r><w:t>Bonjour.</w:t></w:r></w:p>", relationships, ("word/header1.xml", header));
        var result = Timed(() => CliRunner.Run(_folder.Path, null, "check", "--format", "json", "--fail-on", "none", "amplifie.docx"));
        Assert.Equal(0, result.ExitCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Stdout, "\"ruleId\": \"privacy\\.identifier\\.phone\""));
    }

    [Fact]
    public void A_document_whose_parts_expand_beyond_the_budget_is_refused()
    {
        var body = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>" + new string('b', 1000) + "</w:t></w:r></w:p>", 70_000));
        WriteDocx("bombe.docx", body, string.Empty);
        var result = Timed(() => CliRunner.Run(_folder.Path, null, "check", "bombe.docx"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bombe.docx : le texte décompressé du fichier dépasse 64 Mo", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Millions_of_empty_paragraphs_are_refused_without_filling_the_memory()
    {
        WriteDocx("vide.docx", string.Concat(Enumerable.Repeat("<w:p/>", 1_200_000)), string.Empty);
        var result = Timed(() => CliRunner.Run(_folder.Path, null, "check", "vide.docx"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("plus de 1000000 paragraphes", result.Stderr, StringComparison.Ordinal);
    }

    private static CliResult Timed(Func<CliResult> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        Assert.True(clock.Elapsed < Quick, $"the run took {clock.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private void WriteDocx(string name, string bodyXml, string documentRelationships, params (string Name, string Xml)[] parts)
    {
        using var zip = ZipFile.Open(Path.Combine(_folder.Path, name), ZipArchiveMode.Create);
        void Add(string entry, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        Add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        Add("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        Add("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + bodyXml + "</w:body></w:document>");
        Add("word/_rels/document.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + documentRelationships + "</Relationships>");
        foreach (var (entry, xml) in parts)
        {
            Add(entry, xml);
        }
    }
}
