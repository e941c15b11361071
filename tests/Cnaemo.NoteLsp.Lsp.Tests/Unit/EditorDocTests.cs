using Cnaemo.NoteLsp.Tests.Shared;

namespace Cnaemo.NoteLsp.Lsp.Tests.Unit;

/// <summary>The snippets of docs/editors.md are the files the editor tests load, word for word.</summary>
public sealed class EditorDocTests
{
    [Theory]
    [InlineData("lua", "notelsp.lua")]
    [InlineData("elisp", "notelsp.el")]
    public void The_documented_snippet_is_the_tested_file(string fence, string file)
    {
        var doc = File.ReadAllText(RepoPaths.InRepo("docs", "editors.md")).ReplaceLineEndings("\n");
        var snippet = File.ReadAllText(RepoPaths.InRepo("tests", "editors", file)).ReplaceLineEndings("\n").TrimEnd();
        Assert.Contains($"```{fence}\n{snippet}\n```", doc, StringComparison.Ordinal);
    }
}
