using Cnaemo.NoteLsp.Server.Io;

namespace Cnaemo.NoteLsp.Server.Tests.Io;

/// <summary>
/// The modification date that the audit report's chart over time reads (issue #16 part 5): the kernel's, through
/// statx on Linux, the same as .NET's own file information gives; a link gives its target's date.
/// </summary>
public sealed class FileStatusTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("notelsp-status-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_file_s_modification_date_is_the_one_set_on_it()
    {
        var path = Path.Combine(_folder, "rapport.md");
        File.WriteAllText(path, "Visite au domicile.\n");
        var date = new DateTime(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, date);

        var status = FileStatus.Of(path);
        Assert.Equal(EntryType.Regular, status.Type);
        Assert.Equal(new DateTimeOffset(date), status.Modified);

        var link = Path.Combine(_folder, "lien.md");
        File.CreateSymbolicLink(link, path);
        Assert.Equal(new DateTimeOffset(date), FileStatus.Of(link).Modified);
    }

    [Fact]
    public void Nothing_at_a_path_has_no_date()
    {
        Assert.Equal(default, FileStatus.Of(Path.Combine(_folder, "absent.md")).Modified);
    }
}
