namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// What a run did not read is said (issue #16): an audit of an archive full of .doc or .pdf files must never look clean.
/// </summary>
public sealed class InputsSaidOutLoudTests : IDisposable
{
    private const string Clean = "La visite du 4 mars s'est déroulée dans le calme.\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Files_a_folder_walk_leaves_out_are_counted_by_kind()
    {
        _folder.Write("archive/note.md", Clean);
        _folder.Write("archive/courrier.pdf", "%PDF-1.4");
        _folder.Write("archive/ancien.doc", "x");
        _folder.Write("archive/photo.jpg", "x");

        var result = CliRunner.Run(_folder.Path, null, "check", "archive");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 fichier(s) des dossiers non relu(s) (.doc : 1, .jpg : 1, .pdf : 1) ; --verbose les nomme.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("courrier.pdf", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_names_each_file_left_out_with_its_reason()
    {
        _folder.Write("archive/note.md", Clean);
        _folder.Write("archive/courrier.pdf", "%PDF-1.4");
        _folder.Write("archive/ancien.doc", "x");

        var result = CliRunner.Run(_folder.Path, null, "check", "--verbose", "archive");
        Assert.Contains("courrier.pdf : un PDF n'est pas relu", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ancien.doc : le format .doc n'est pas pris en charge", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_named_on_the_command_line_is_refused_with_what_to_do()
    {
        _folder.Write("courrier.pdf", "%PDF-1.4");
        var result = CliRunner.Run(_folder.Path, null, "check", "courrier.pdf");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("relisez le document d'origine", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void When_every_input_failed_the_summary_does_not_say_no_finding()
    {
        _folder.Write("courrier.pdf", "%PDF-1.4");
        var result = CliRunner.Run(_folder.Path, null, "check", "courrier.pdf", "absent.md");
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Aucun signalement", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Aucun document relu : 2 entrée(s) illisible(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void When_some_inputs_failed_the_summary_counts_them()
    {
        _folder.Write("note.md", Clean);
        var result = CliRunner.Run(_folder.Path, null, "check", "note.md", "absent.md");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Aucun signalement (1 document(s) relu(s)).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 entrée(s) n'ont pas pu être relue(s)", result.Stdout, StringComparison.Ordinal);
    }
}
