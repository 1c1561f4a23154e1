using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KropotkinSite.Tests.Support;

/// <summary>YAML parsing events written out with all that tells them apart (kind, marks, value, style, flags), so
/// two readers' events compare as strings.</summary>
public static class YamlEvents
{
    /// <summary>The events YamlDotNet's own parser gives for the text.</summary>
    public static List<string> OfYamlDotNet(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var events = new List<string>();
        while (parser.MoveNext()) events.Add(Describe(parser.Current!));
        return events;
    }

    public static string Describe(ParsingEvent e) => $"{e.GetType().Name} {e.Start}-{e.End} " + e switch
    {
        Scalar s => $"{s.Style} [{s.Value}] {s.IsPlainImplicit} {s.IsQuotedImplicit} {s.IsKey} {s.Anchor} {s.Tag}",
        MappingStart m => $"{m.Style} {m.IsImplicit} {m.Anchor} {m.Tag}",
        SequenceStart s => $"{s.Style} {s.IsImplicit} {s.Anchor} {s.Tag}",
        DocumentStart d => $"{d.IsImplicit}",
        DocumentEnd d => $"{d.IsImplicit}",
        _ => "",
    };
}
