namespace Cnaemo.NoteLsp.Lsp.Tests.Stdio;

/// <summary>Documents the stdio tests open. Each test uses its own URI.</summary>
public static class Docs
{
    /// <summary>A label, a phone number after an emoji, and a name that appears twice.</summary>
    public const string Report =
        "# Note de situation\n\n" +
        "Théo est un délinquant.\n\n" +
        "😀 Tél. de la mère : 0612345678.\n\n" +
        "Théo Martin a été reçu le 3 mars ; THEO dit qu'il va mieux.\n";

    /// <summary>A file URI under a folder that exists nowhere, unique per call.</summary>
    public static string Uri(string extension = "md") => $"file:///dossier-{Guid.NewGuid():N}/note.{extension}";

    /// <summary>The didOpen parameters of <paramref name="text"/>.</summary>
    public static object Open(string uri, string text, int version = 1, string languageId = "markdown") =>
        new { textDocument = new { uri, languageId, version, text } };

    /// <summary>A position object.</summary>
    public static object At(int line, int character) => new { line, character };

    /// <summary>A range object.</summary>
    public static object Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new { start = At(startLine, startCharacter), end = At(endLine, endCharacter) };

    /// <summary>The immediate diagnostics setting (no debounce), for tests that wait on pushed diagnostics.</summary>
    public static object ImmediateSettings(object? rules = null) =>
        new { settings = new { debounceMs = 0, rules } };
}
