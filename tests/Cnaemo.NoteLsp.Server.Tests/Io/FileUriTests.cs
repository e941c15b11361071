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
}
