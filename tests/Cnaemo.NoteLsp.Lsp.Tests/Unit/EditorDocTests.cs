using Cnaemo.NoteLsp.Tests.Shared;

namespace Cnaemo.NoteLsp.Lsp.Tests.Unit;

/// <summary>The snippets of README.md and docs/editors.md are the files the editor tests load, word for word.</summary>
public sealed class EditorDocTests
{
    [Theory]
    [InlineData("docs/editors.md", "lua", "notelsp.lua")]
    [InlineData("docs/editors.md", "elisp", "notelsp.el")]
    [InlineData("README.md", "lua", "notelsp.lua")]
    [InlineData("README.md", "elisp", "notelsp.el")]
    public void The_documented_snippet_is_the_tested_file(string document, string fence, string file)
    {
        var doc = File.ReadAllText(RepoPaths.InRepo(document.Split('/'))).ReplaceLineEndings("\n");
        var snippet = File.ReadAllText(RepoPaths.InRepo("tests", "editors", file)).ReplaceLineEndings("\n").TrimEnd();
        Assert.Contains($"```{fence}\n{snippet}\n```", doc, StringComparison.Ordinal);
    }
}
