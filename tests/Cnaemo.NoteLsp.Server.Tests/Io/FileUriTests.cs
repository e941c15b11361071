using Cnaemo.NoteLsp.Server.Io;

namespace Cnaemo.NoteLsp.Server.Tests.Io;

/// <summary>
/// The file URIs editors send, on Windows and elsewhere, and the local paths the server reads the workspace file and
/// the custom packs from (issue #15). VS Code on Windows percent-encodes the drive's colon.
/// </summary>
public sealed class FileUriTests
{
    [Theory]
    [InlineData("file:///c%3A/Users/Anne/Rapports%20%C3%A9t%C3%A9", @"c:\Users\Anne\Rapports été")]
    [InlineData("file:///C:/Users/Anne/rapport.md", @"C:\Users\Anne\rapport.md")]
    [InlineData("file:///z%3A/tmp/dossier%20%C3%A9t%C3%A9/.notelsp.json", @"z:\tmp\dossier été\.notelsp.json")]
    [InlineData("file://serveur/partage/rapport.md", @"\\serveur\partage\rapport.md")]
    [InlineData("file://localhost/c%3A/x.md", @"c:\x.md")]
    public void Windows_uris_give_windows_paths(string uri, string expected) =>
        Assert.Equal(expected, FileUri.ToLocalPath(uri, windows: true));

    [Theory]
    [InlineData("file:///home/anne/Rapports%20%C3%A9t%C3%A9/r.md", "/home/anne/Rapports été/r.md")]
    [InlineData("file:///tmp/a%23b.md", "/tmp/a#b.md")]
    [InlineData("file:///tmp/r.md?x=1#L3", "/tmp/r.md")]
    [InlineData("file://localhost/tmp/r.md", "/tmp/r.md")]
    public void Unix_uris_give_unix_paths(string uri, string expected) =>
        Assert.Equal(expected, FileUri.ToLocalPath(uri, windows: false));

    [Theory]
    [InlineData(null)]
    [InlineData("untitled:Untitled-1")]
    [InlineData("https://exemple.fr/r.md")]
    [InlineData("file:")]
    [InlineData("file:///tmp/a%00b")]
    [InlineData("file://serveur/partage/r.md")]
    public void Other_uris_have_no_local_path_on_unix(string? uri) =>
        Assert.Null(FileUri.ToLocalPath(uri, windows: false));

    [Theory]
    [InlineData(@"C:\Users\Anne\Rapports été\.notelsp.json", "file:///c%3A/Users/Anne/Rapports%20%C3%A9t%C3%A9/.notelsp.json")]
    [InlineData(@"\\serveur\partage\a#b.md", "file://serveur/partage/a%23b.md")]
    public void Windows_paths_give_the_uris_vs_code_writes(string path, string expected) =>
        Assert.Equal(expected, FileUri.FromLocalPath(path, windows: true));

    [Theory]
    [InlineData("/home/anne/Rapports été/.notelsp.json", "file:///home/anne/Rapports%20%C3%A9t%C3%A9/.notelsp.json")]
    [InlineData("/tmp/50% de x.md", "file:///tmp/50%25%20de%20x.md")]
    public void Unix_paths_give_file_uris(string path, string expected) =>
        Assert.Equal(expected, FileUri.FromLocalPath(path, windows: false));

    [Theory]
    [InlineData(@"c:\Users\Anne\Rapports été\r.md", true)]
    [InlineData(@"\\serveur\partage\r.md", true)]
    [InlineData("/home/anne/dossier #3/r é.md", false)]
    public void A_path_comes_back_from_its_uri(string path, bool windows) =>
        Assert.Equal(path, FileUri.ToLocalPath(FileUri.FromLocalPath(path, windows), windows));
}
