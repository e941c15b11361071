using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cnaemo.NoteLsp.Rules.Loading;

/// <summary>
/// Strict access to a YAML mapping: every key must be known, and every error names the pack and the line.
/// The representation model is used rather than object binding because it needs no reflection, which keeps
/// the engine trimmable and ready for NativeAOT.
/// </summary>
internal sealed class YamlReader(string source, YamlMappingNode node)
{
    public YamlMappingNode Node { get; } = node;

    public string Source { get; } = source;

    public static YamlMappingNode ParseRoot(string source, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new RulePackException($"{source}:{e.Start.Line}: invalid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new RulePackException($"{source}: a rule pack is one YAML document holding a mapping");
        }

        return root;
    }

    public RulePackException Error(YamlNode at, string message) =>
        new($"{Source}:{at.Start.Line}: {message}");

    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var key in Node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(known, name) < 0)
            {
                throw Error(key, $"unknown key \"{name}\"; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    public bool Has(string key) => Node.Children.ContainsKey(new YamlScalarNode(key));

    public YamlNode? Get(string key) => Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string RequiredString(string key) =>
        OptionalString(key) is { Length: > 0 } value ? value : throw Error(Node, $"\"{key}\" is required and must not be empty");

    public string? OptionalString(string key)
    {
        var value = Get(key);
        return value switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value?.Trim(),
            _ => throw Error(value, $"\"{key}\" must be a text"),
        };
    }

    public bool OptionalBool(string key, bool fallback)
    {
        var text = OptionalString(key);
        return text switch
        {
            null => fallback,
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Error(Get(key)!, $"\"{key}\" must be true or false"),
        };
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var value = Get(key);
        return value switch
        {
            null => [],
            YamlScalarNode scalar => [scalar.Value ?? ""],
            YamlSequenceNode sequence => [.. sequence.Children.Select(child => child is YamlScalarNode s
                ? s.Value ?? ""
                : throw Error(child, $"\"{key}\" must be a list of texts"))],
            _ => throw Error(value, $"\"{key}\" must be a list of texts"),
        };
    }

    public IEnumerable<YamlReader> MappingList(string key)
    {
        var value = Get(key);
        if (value is null)
        {
            yield break;
        }

        if (value is not YamlSequenceNode sequence)
        {
            throw Error(value, $"\"{key}\" must be a list");
        }

        foreach (var child in sequence.Children)
        {
            yield return child is YamlMappingNode mapping
                ? new YamlReader(Source, mapping)
                : throw Error(child, $"each item of \"{key}\" must be a mapping");
        }
    }

    public YamlReader? Mapping(string key)
    {
        var value = Get(key);
        return value switch
        {
            null => null,
            YamlMappingNode mapping => new YamlReader(Source, mapping),
            _ => throw Error(value, $"\"{key}\" must be a mapping"),
        };
    }
}
