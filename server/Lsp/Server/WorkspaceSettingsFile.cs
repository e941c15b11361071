using System.Text.Json;
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
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), LspJsonContext.Wire.WorkspaceFileSettings) : null;
        }
        catch (JsonException)
        {
            logger.LogWarning("{File} n'est pas un JSON valide : ignoré.", FileName);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("{File} illisible ({Error}) : ignoré.", FileName, e.GetType().Name);
            return null;
        }
    }

    /// <summary>The file's text for <paramref name="settings"/>, indented for people to read.</summary>
    public static string Serialize(WorkspaceFileSettings settings)
    {
        return JsonSerializer.Serialize(settings, LspJsonContext.Indented.WorkspaceFileSettings) + "\n";
    }
}
