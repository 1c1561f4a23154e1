using System.Globalization;
using KropotkinSite.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Content;

/// <summary>
/// Typed reads of a YAML mapping that report every mistake as a content error at the line of the value.
/// </summary>
public sealed class YamlFields(YamlMappingNode map, string file, int lineOffset, ICollection<ContentError> errors)
{
    public YamlMappingNode Map => map;

    public SourcePosition PositionOf(YamlNode node) => Position(node.Start);

    public SourcePosition Position(Mark mark) => new((int)mark.Line + lineOffset, (int)mark.Column);

    public void Error(YamlNode node, string code, string message) => Error(PositionOf(node), code, message);

    public void Error(SourcePosition at, string code, string message) =>
        errors.Add(new ContentError(file, at.Line, at.Column, code, message));

    public YamlFields Nested(YamlMappingNode child) => new(child, file, lineOffset, errors);

    /// <summary>The value of a key, or null when the key is missing or its value is null. The same key as the
    /// mapping's own lookup (a scalar without a tag); found by a scan, as front matter has a handful of keys and
    /// the lookup would need a node made for each call.</summary>
    public YamlNode? Node(string key)
    {
        var children = map.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var (k, node) = children[i];
            if (k is YamlScalarNode { Tag.IsEmpty: true } scalar && scalar.Value == key)
                return IsNull(node) ? null : node;
        }
        return null;
    }

    public SourcePosition KeyPosition(string key)
    {
        foreach (var (k, _) in map.Children)
            if (k is YamlScalarNode { Value: var name } && name == key) return PositionOf(k);
        return Position(map.Start);
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public string? RequiredString(string key, string hint)
    {
        var value = String(key);
        if (value is null && Node(key) is null)
            Error(Position(map.Start), ErrorCodes.MissingKey, $"'{key}' is required but missing; {hint}");
        else if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            Error(Node(key)!, ErrorCodes.MissingKey, $"'{key}' is required but empty; {hint}");
            return null;
        }
        return value;
    }

    public string? String(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is YamlScalarNode scalar) return scalar.Value;
        Error(node, ErrorCodes.WrongType, $"'{key}' must be a single line of text, not a {Describe(node)}");
        return null;
    }

    public int? Integer(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: var text }
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(node, ErrorCodes.WrongType, $"'{key}' must be a whole number such as 3, not {Quote(node)}");
        return null;
    }

    public bool? Boolean(string key)
    {
        var node = Node(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: var text })
        {
            if (text is "true" or "True" or "TRUE") return true;
            if (text is "false" or "False" or "FALSE") return false;
        }
        Error(node, ErrorCodes.WrongType, $"'{key}' must be true or false, not {Quote(node)}");
        return null;
    }

    public PartialDate? Date(string key, bool required, string what)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) Error(Position(map.Start), ErrorCodes.MissingKey,
                $"{what} needs a '{key}' (YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }
        if (node is not YamlScalarNode { Value: var text })
        {
            Error(node, ErrorCodes.WrongType,
                $"'{key}' must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not a {Describe(node)}");
            return null;
        }
        if (PartialDate.TryParse(text ?? "", out var date, out var problem)) return date;
        Error(node, ErrorCodes.InvalidDate,
            $"{problem}; write the date as YYYY, YYYY-MM or YYYY-MM-DD at the precision you know");
        return null;
    }

    public IEnumerable<YamlFields> Mappings(string key, string itemName)
    {
        var node = Node(key);
        if (node is null) yield break;
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, ErrorCodes.WrongType,
                $"'{key}' must be a list of {itemName}s (lines starting with '- '), not {Quote(node)}");
            yield break;
        }
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping) yield return new YamlFields(mapping, file, lineOffset, errors);
            else Error(item, ErrorCodes.WrongType,
                $"each item of '{key}' must be a {itemName} with keys such as 'title:', not {Quote(item)}");
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };

    private static string Quote(YamlNode node) =>
        node is YamlScalarNode { Value: var v } ? $"'{v}'" : $"a {Describe(node)}";
}
