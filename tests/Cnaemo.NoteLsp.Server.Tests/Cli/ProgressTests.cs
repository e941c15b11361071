using Cnaemo.NoteLsp.Server.Cli;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// The progress line (issue #16 part 4): on standard error when it is a terminal or with <c>--progress</c>, one line
/// rewritten with carriage returns; nothing when standard error is redirected; nothing with <c>--quiet</c>, which
/// also drops the line per configuration file read.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ProgressTests()
    {
        for (var i = 1; i <= 4; i++)
        {
            _folder.Write($"dossier/note-{i}.md", $"Note {i}. Tél. 06 12 34 56 7{i}.\n");
        }

        _folder.Write("dossier/.notelsp.json", "{\"rules\":{\"disabled\":[\"health\"]}}");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Progress_forced_into_a_redirected_stderr_counts_the_files_and_ends_its_line()
    {
        var result = CliRunner.Run(_folder.Path, null, "check", "--progress", "--fail-on", "none", "dossier");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains('\r', result.Stderr);
        var last = result.Stderr.Split('\n').Single(l => l.Contains("4/4 fichier(s)", StringComparison.Ordinal));
        var final = last[(last.LastIndexOf('\r') + 1)..];
        // The rate and the time take the forms of ProgressLine.Format, which depend on how long the run took.
        Assert.Matches(@"^notelsp : 4/4 fichier\(s\) · 0,0/0,0 Mo · \d+(,\d)? Mo/s · en (\d+(,\d)? s|\d+ min \d\d s|\d+ h \d\d min) *$", final);
        // The report on standard output is untouched.
        Assert.DoesNotContain('\r', result.Stdout);
        Assert.Contains("note-4.md:1:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("réglages lus dans", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirected_stderr_gets_no_progress_and_quiet_silences_progress_and_configuration_lines()
    {
        var plain = CliRunner.Run(_folder.Path, null, "check", "--fail-on", "none", "dossier");
        Assert.DoesNotContain('\r', plain.Stderr);
        Assert.DoesNotContain("fichier(s) ·", plain.Stderr, StringComparison.Ordinal);
        Assert.Contains("réglages lus dans", plain.Stderr, StringComparison.Ordinal);

        var quiet = CliRunner.Run(_folder.Path, null, "check", "--quiet", "--progress", "--fail-on", "none", "dossier");
        Assert.Equal(string.Empty, quiet.Stderr);
        Assert.Equal(plain.Stdout, quiet.Stdout);
    }

    [Fact]
    public void An_error_during_the_run_wipes_the_line_before_it_is_written()
    {
        _folder.WriteBytes("dossier/latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A]);
        var result = CliRunner.Run(_folder.Path, null, "check", "--progress", "--fail-on", "none", "dossier");
        Assert.Equal(2, result.ExitCode);
        var error = result.Stderr.Split('\n').Single(l => l.Contains("latin1.txt", StringComparison.Ordinal));
        // Whatever was drawn before is covered by spaces and the message starts at the line's beginning.
        Assert.EndsWith("\rnotelsp : dossier/latin1.txt : le fichier n'est pas encodé en UTF-8 ; enregistrez-le en UTF-8 puis relancez", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_line_gives_the_time_left_from_the_measured_speed()
    {
        Assert.Equal("notelsp : 1/10 fichier(s) · 1,0/10 Mo", ProgressLine.Format(1, 10, 1_000_000, 10_000_000, TimeSpan.FromSeconds(1), null, null, final: false));
        Assert.Equal("notelsp : 5/10 fichier(s) · 5,0/10 Mo · 2,0 Mo/s · reste 2,5 s",
            ProgressLine.Format(5, 10, 5_000_000, 10_000_000, TimeSpan.FromSeconds(3), 2_000_000, 2, final: false));
        Assert.Equal("notelsp : 1/3 fichier(s) · 0,0/0,0 Mo · 0,0 Mo/s · reste 2 min 00 s",
            ProgressLine.Format(1, 3, 0, 0, TimeSpan.FromSeconds(60), 0, 1 / 60.0, final: false));
        Assert.Equal("notelsp : 10/10 fichier(s) · 10/10 Mo · 2,0 Mo/s · en 5,0 s",
            ProgressLine.Format(10, 10, 10_000_000, 10_000_000, TimeSpan.FromSeconds(5), 3_000_000, 3, final: true));
    }
}
