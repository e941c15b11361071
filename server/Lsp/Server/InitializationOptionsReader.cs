using System.Text.Json;
using Cnaemo.NoteLsp.Server.Lsp.Protocol;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Server;

/// <summary>
/// Reads <c>initializationOptions</c> and settings sections leniently: anything that is not an object (null, an
/// empty array from a Lua empty table) means "defaults", and a malformed value is logged and ignored rather than
/// failing <c>initialize</c>.
/// </summary>
public static class InitializationOptionsReader
{
    /// <summary>The options, or null for defaults.</summary>
    public static InitializationOptions? Read(JsonElement raw, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (raw.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var trusted = raw.TryGetProperty("workspaceTrusted", out var trust) && trust.ValueKind == JsonValueKind.True;
        var settings = raw.TryGetProperty("settings", out var section) ? ReadSettings(section, logger) : null;
        return new InitializationOptions(trusted, settings);
    }

    /// <summary>A <c>notelsp</c> settings section, or null for defaults.</summary>
    public static NoteLspSettings? ReadSettings(JsonElement section, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (section.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return TolerantSettingsReader.Read(section, LspJsonContext.Wire.NoteLspSettings, logger, "Réglages notelsp");
        }
        catch (JsonException)
        {
            logger.LogWarning("Réglages notelsp invalides : valeurs par défaut appliquées.");
            return null;
        }
    }
}
