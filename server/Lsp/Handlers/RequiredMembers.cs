using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace Cnaemo.NoteLsp.Server.Lsp.Handlers;

/// <summary>
/// Finds, in deserialised parameters, a member the protocol records declare non-nullable but that the client left
/// out or sent as null. System.Text.Json fills such members with null, and a handler would then fail with a
/// NullReferenceException, reported as an internal error; the client instead gets -32602 naming the member. The
/// walk uses the source-generated metadata only (no reflection), so the native executable keeps it.
/// </summary>
public static class RequiredMembers
{
    /// <summary>The JSON path of the first missing member, such as <c>textDocument.uri</c>, or null when none is missing.</summary>
    public static string? FirstMissing(object? value, JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Walk(value, type, string.Empty, depth: 0);
    }

    private static string? Walk(object? value, JsonTypeInfo type, string path, int depth)
    {
        // Protocol records nest a few levels deep; the bound only stops a pathological type graph.
        if (value is null || depth > 16)
        {
            return null;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in type.Properties)
                {
                    if (property.Get is not { } get || property.PropertyType.IsValueType)
                    {
                        continue;
                    }

                    var member = get(value);
                    var memberPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (member is null)
                    {
                        if (!property.IsSetNullable)
                        {
                            return memberPath;
                        }

                        continue;
                    }

                    if (Walk(member, type.Options.GetTypeInfo(property.PropertyType), memberPath, depth + 1) is { } missing)
                    {
                        return missing;
                    }
                }

                return null;
            case JsonTypeInfoKind.Enumerable when value is IEnumerable items && type.ElementType is { IsValueType: false } elementType:
                var elementInfo = type.Options.GetTypeInfo(elementType);
                var index = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item is null)
                    {
                        return itemPath;
                    }

                    if (Walk(item, elementInfo, itemPath, depth + 1) is { } missing)
                    {
                        return missing;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
