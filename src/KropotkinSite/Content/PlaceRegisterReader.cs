using System.Globalization;
using KropotkinSite.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Content;

/// <summary>
/// Reads <c>_data/places.yml</c>: a mapping from each place's name to its <c>lat</c> (−90…90) and <c>lon</c>
/// (−180…180) in decimal degrees, and an optional <c>note</c>. Every mistake is a content error at its line.
/// </summary>
public static class PlaceRegisterReader
{
    /// <returns>The register; null when the file is not a mapping at all (reported), so the events' places are not
    /// each reported again as missing from it.</returns>
    public static PlaceRegister? Read(YamlNode root, string file, ICollection<ContentError> errors)
    {
        var places = new List<RegisteredPlace>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (YamlFields.IsNull(root)) return new PlaceRegister(file, places, declared);
        var fields = new YamlFields(root as YamlMappingNode ?? new YamlMappingNode(), file, 0, errors);
        if (root is not YamlMappingNode map)
        {
            fields.Error(root, ErrorCodes.DataFile,
                "the places register must be a mapping from each place's name to its position, "
                + "such as 'Moscow: {lat: 55.756, lon: 37.617}'");
            return null;
        }
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || string.IsNullOrWhiteSpace(name))
            {
                fields.Error(key, ErrorCodes.DataFile,
                    "each place of the register is named by one line of text, such as 'Moscow:'");
                continue;
            }
            declared.Add(name);
            if (value is not YamlMappingNode position)
            {
                fields.Error(YamlFields.IsNull(value) ? key : value, ErrorCodes.DataFile,
                    $"'{name}' needs its position as 'lat:' and 'lon:' in decimal degrees, "
                    + $"such as '{name}: {{lat: 55.756, lon: 37.617}}'");
                continue;
            }
            var item = fields.Nested(position);
            var lat = Degrees(item, key, name, "lat", 90, "north of the equator, negative south");
            var lon = Degrees(item, key, name, "lon", 180, "east of Greenwich, negative west");
            var note = item.String("note");
            if (lat is not null && lon is not null) places.Add(new RegisteredPlace(name, lat.Value, lon.Value, note));
        }
        return new PlaceRegister(file, places, declared);
    }

    private static double? Degrees(YamlFields item, YamlNode placeKey, string name, string key, double limit,
        string sense)
    {
        var node = item.Node(key);
        if (node is null)
        {
            item.Error(placeKey, ErrorCodes.MissingKey,
                $"'{name}' has no '{key}'; give it in decimal degrees ({sense}), such as '{key}: 48.15'");
            return null;
        }
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            || !double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var degrees))
        {
            item.Error(node, ErrorCodes.WrongType,
                $"'{key}' of '{name}' must be a number of decimal degrees such as 48.15, not {Quote(node)}");
            return null;
        }
        if (Math.Abs(degrees) > limit)
        {
            item.Error(node, ErrorCodes.InvalidValue,
                $"'{key}: {text}' of '{name}' is out of range; {key} lies between -{limit} and {limit} ({sense})");
            return null;
        }
        return degrees;
    }

    private static string Quote(YamlNode node) =>
        node is YamlScalarNode { Value: var v } ? $"'{v}'" : node is YamlSequenceNode ? "a list" : "a mapping";
}
