using KropotkinSite.Content;
using KropotkinSite.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Modules;

/// <summary>
/// Parses YAML data files. Each document gets <c>yaml</c> (the root node, with positions) and <c>data</c>
/// (plain lists, dictionaries and strings for templates), under the name <c>dataName</c> (the file name
/// without extension). Invalid YAML is reported at its line.
/// </summary>
public sealed record ReadData : IModule
{
    public const string Yaml = "yaml";
    public const string Data = "data";
    public const string DataName = "dataName";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        context.Map(inputs, static (document, context) =>
        {
            var text = ParseFrontMatter.Decode(document, context);
            if (text is null) return null;
            YamlNode root;
            try
            {
                var stream = SafeYaml.Load(text);
                root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : new YamlMappingNode();
            }
            catch (YamlException e)
            {
                throw new ContentException(new ContentError(document.Source, (int)e.Start.Line, (int)e.Start.Column,
                    ErrorCodes.YamlSyntax, $"not valid YAML: {ParseFrontMatter.YamlMessage(e)}"));
            }
            var name = Path.GetFileNameWithoutExtension(document.Require<string>(ReadFiles.RelativePath));
            return document.With(Yaml, root).With(Data, Plain(root)).With(DataName, name);
        });

    /// <summary>YAML as plain values: scalars are strings (numbers stay text), sequences lists, mappings
    /// dictionaries.</summary>
    public static object? Plain(YamlNode node) => node switch
    {
        YamlScalarNode scalar when YamlFields.IsNull(scalar) => null,
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(Plain).ToList(),
        YamlMappingNode mapping => mapping.Children
            .Where(pair => pair.Key is YamlScalarNode { Value: not null })
            .GroupBy(pair => ((YamlScalarNode)pair.Key).Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Plain(g.First().Value), StringComparer.Ordinal),
        _ => null,
    };
}
