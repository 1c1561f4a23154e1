using KropotkinSite.Content;
using KropotkinSite.Engine;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Modules;

/// <summary>
/// Reads the site settings file into <c>settings</c>, a timeline data file into <c>events</c> and the register of
/// places into <c>places</c>,
/// enforcing the content model. A missing settings file is reported, since the site needs a title.
/// <paramref name="BaseUrl"/>, the address given on the command line, replaces the settings' <c>base_url</c>.
/// </summary>
public sealed record ReadSiteModel(string InputRoot, string SettingsPath, string TimelinePath, string PlacesPath,
    Uri? BaseUrl = null)
    : IModule
{
    public const string Settings = "settings";
    public const string Events = "events";
    public const string Places = "places";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var results = new List<Document>();
        var sawSettings = false;
        foreach (var document in inputs)
        {
            var relative = document.Require<string>(ReadFiles.RelativePath);
            var root = document.Require<YamlNode>(ReadData.Yaml);
            var errors = new List<ContentError>();
            var result = document;
            if (relative == SettingsPath)
            {
                sawSettings = true;
                if (AsMapping(document, root, "a set of 'key: value' lines such as 'title: My site'",
                    context) is { } map
                    && SiteSettingsReader.Read(new YamlFields(map, document.Source, 0, errors), errors) is { } settings)
                    result = result.With(Settings, BaseUrl is null ? settings : settings with { BaseUrl = BaseUrl });
            }
            else if (relative == TimelinePath)
            {
                var events = ReadTimelineEvents(document, root, errors);
                result = result.With(Events, events);
            }
            else if (relative == PlacesPath)
                result = result.With(Places, PlaceRegisterReader.Read(root, document.Source, errors));
            foreach (var error in errors) context.Report(error);
            results.Add(result);
        }
        var settingsFile = Path.Combine(InputRoot, SettingsPath);
        if (!sawSettings
            && !context.Files.Exists(settingsFile)) // one that exists but failed to read is reported already
            context.Report(new ContentError(settingsFile, 1, 1, ErrorCodes.SiteSettings,
                $"the site has no {SettingsPath}; create it with at least a line 'title: Your site's title'"));
        return results;
    }

    /// <summary>The site settings among a data pipeline's documents, or null when they could not be read.</summary>
    public static SiteSettings? SettingsIn(IReadOnlyList<Document> data) =>
        data.Select(d => d.Get<SiteSettings>(Settings)).OfType<SiteSettings>().FirstOrDefault();

    private static IReadOnlyList<(TimelineEvent Event, string? Page,
        SourcePosition PagePosition)> ReadTimelineEvents(Document document, YamlNode root, List<ContentError> errors)
    {
        var events = new List<(TimelineEvent, string?, SourcePosition)>();
        if (YamlFields.IsNull(root)) return events;
        if (root is not YamlSequenceNode sequence)
        {
            errors.Add(new ContentError(document.Source, (int)root.Start.Line, (int)root.Start.Column,
                ErrorCodes.DataFile,
                "a timeline data file must be a list of events, each starting with '- date:'"));
            return events;
        }
        var wrapper = new YamlMappingNode { { "events", sequence } };
        var fields = new YamlFields(wrapper, document.Source, 0, errors);
        foreach (var item in fields.Mappings("events", "event"))
        {
            var evt = PageInfoReader.ReadEvent(item, document.Source);
            var page = item.String("page");
            if (evt is not null) events.Add((evt, page,
                item.Node("page") is { } node ? item.PositionOf(node) : SourcePosition.Start));
        }
        return events;
    }

    private static YamlMappingNode? AsMapping(Document document, YamlNode root, string what, IExecutionContext context)
    {
        if (root is YamlMappingNode map) return map;
        if (YamlFields.IsNull(root)) return new YamlMappingNode();
        context.Report(new ContentError(document.Source, (int)root.Start.Line, (int)root.Start.Column,
            ErrorCodes.SiteSettings,
            $"must be {what}"));
        return null;
    }
}
