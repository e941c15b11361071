using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace Cnaemo.NoteLsp.Server.Lsp.Server;

/// <summary>
/// Reads a settings object value by value: a null, or a value of the wrong type, is dropped with one warning and the
/// rest of the settings still apply. Without this, one <c>null</c> in <c>rules.disabled</c> reached the engine and
/// made every analysis fail until the settings changed. The walk follows the source-generated metadata of the
/// settings records (no reflection). Warnings name settings by their documented path, never a value or a key the
/// user wrote (role names are people's names).
/// </summary>
public static class TolerantSettingsReader
{
    private const int MaxDepth = 16;

    /// <summary>The settings in <paramref name="element"/>, or null when it is not an object.</summary>
    public static T? Read<T>(JsonElement element, JsonTypeInfo<T> type, ILogger logger, string source)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(logger);
        var dropped = new List<string>();
        var cleaned = Clean(element, type, string.Empty, dropped, depth: 0);
        if (dropped.Count > 0)
        {
            logger.LogWarning(
                "{Source} : {Count} valeur(s) ignorée(s), nulle(s) ou du mauvais type : {Paths}.",
                source,
                dropped.Count,
                string.Join(", ", dropped.Distinct(StringComparer.Ordinal).Take(10)));
        }

        return cleaned is JsonObject ? cleaned.Deserialize(type) : null;
    }

    private static JsonNode? Clean(JsonElement element, JsonTypeInfo type, string path, List<string> dropped, int depth)
    {
        var label = path.Length == 0 ? "(racine)" : path;
        if (element.ValueKind == JsonValueKind.Null || depth > MaxDepth)
        {
            dropped.Add(label);
            return null;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                var cleanedObject = new JsonObject();
                foreach (var member in element.EnumerateObject())
                {
                    var property = type.Properties.FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.Ordinal));
                    if (property is null)
                    {
                        continue;
                    }

                    var memberPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (Clean(member.Value, type.Options.GetTypeInfo(property.PropertyType), memberPath, dropped, depth + 1) is { } value)
                    {
                        cleanedObject[property.Name] = value;
                    }
                }

                return cleanedObject;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && type.ElementType is { } elementType:
                var elementInfo = type.Options.GetTypeInfo(elementType);
                var cleanedArray = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    if (Clean(item, elementInfo, $"{path}[]", dropped, depth + 1) is { } value)
                    {
                        cleanedArray.Add(value);
                    }
                }

                return cleanedArray;
            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object && type.ElementType is { } valueType:
                var valueInfo = type.Options.GetTypeInfo(valueType);
                var cleanedDictionary = new JsonObject();
                foreach (var entry in element.EnumerateObject())
                {
                    if (Clean(entry.Value, valueInfo, $"{path}{{…}}", dropped, depth + 1) is { } value)
                    {
                        cleanedDictionary[entry.Name] = value;
                    }
                }

                return cleanedDictionary;
            case JsonTypeInfoKind.None:
                try
                {
                    _ = JsonSerializer.Deserialize(element, type);
                    return JsonNode.Parse(element.GetRawText());
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
                {
                    dropped.Add(label);
                    return null;
                }

            default:
                dropped.Add(label);
                return null;
        }
    }
}
