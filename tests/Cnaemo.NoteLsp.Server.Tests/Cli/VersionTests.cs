using Cnaemo.NoteLsp.Tests.Shared;
using System.Text.Json;

namespace Cnaemo.NoteLsp.Server.Tests.Cli;

/// <summary>
/// The extension's manifest holds the product's one version (issue #15): the executable reports the same one, so that
/// a user, a support call and a SARIF log all name the same release.
/// </summary>
public sealed class VersionTests
{
    [Fact]
    public void The_executable_reports_the_version_of_the_manifest()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("package.json")));
        var expected = manifest.RootElement.GetProperty("version").GetString();

        var result = CliRunner.Run(RepoPaths.Root, null, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", expected);
        Assert.Equal(expected, result.Stdout.Trim());
    }
}
