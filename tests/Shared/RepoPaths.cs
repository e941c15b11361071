namespace Cnaemo.NoteLsp.Tests.Shared;

/// <summary>Locates the repository and the read-only shared folder beside it, wherever the tests run from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cnaemo.NoteLsp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cnaemo.NoteLsp.sln not found above the test binaries");
    });

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path below the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The shared folder (corpus, reference, tools), which CI lays beside the clone.</summary>
    public static string Shared(params string[] parts) => Path.Combine([Path.GetDirectoryName(Root)!, "shared", .. parts]);
}
