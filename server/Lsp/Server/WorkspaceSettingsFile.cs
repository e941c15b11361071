using System.Text.Json;
using Cnaemo.NoteLsp.Server.Io;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Server;

/// <summary>The workspace file <c>.notelsp.json</c>, where "disable this rule for the workspace" writes.</summary>
public static class WorkspaceSettingsFile
{
    /// <summary>The file name, at the workspace root.</summary>
    public const string FileName = ".notelsp.json";

    /// <summary>Reads the file; null when it is absent, unreadable or invalid (logged).</summary>
    public static WorkspaceFileSettings? Read(string? workspaceRoot, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (workspaceRoot is null)
        {
            return null;
        }

        var path = Path.Combine(workspaceRoot, FileName);
        try
        {
            // The workspace may be untrusted: the file goes through the guarded reader (regular file, inside the
            // workspace, 1 MiB at most), and only its shape is reported, never a line of it.
            return Parse(ReadText(workspaceRoot), logger);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            logger.LogWarning("{File} n'est pas un JSON valide : ignoré.", FileName);
            return null;
        }
        catch (GuardedFileException e)
        {
            logger.LogWarning("{File} ignoré : {Reason}.", FileName, e.Message);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("{File} illisible ({Error}) : ignoré.", FileName, e.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// The settings in <paramref name="text"/>: null for an empty file; throws <see cref="JsonException"/> when it is
    /// not JSON. Values of the wrong type are dropped with a warning.
    /// </summary>
    public static WorkspaceFileSettings? Parse(string text, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return TolerantSettingsReader.Read(document.RootElement, LspJsonContext.Wire.WorkspaceFileSettings, logger, FileName);
    }

    /// <summary>
    /// The file's current text through the guarded reader; empty when it does not exist. Throws
    /// <see cref="GuardedFileException"/> when it is not a regular file inside the workspace or is too large.
    /// </summary>
    public static string ReadText(string workspaceRoot)
    {
        try
        {
            return GuardedFile.ReadAllText(Path.Combine(workspaceRoot, FileName), GuardedFileKind.Config, workspaceRoot);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return string.Empty;
        }
    }

    /// <summary>The file's text for <paramref name="settings"/>, indented for people to read.</summary>
    public static string Serialize(WorkspaceFileSettings settings)
    {
        return JsonSerializer.Serialize(settings, LspJsonContext.Indented.WorkspaceFileSettings) + "\n";
    }
}
