using KropotkinSite.Engine;
using YamlDotNet.RepresentationModel;

namespace KropotkinSite.Content;

/// <summary>Builds <see cref="PageInfo"/> from a page's front matter, enforcing CONTENT-MODEL.md.</summary>
public static class PageInfoReader
{
    public static PageInfo? Read(YamlFields fields, string file, bool isWork, ICollection<ContentError> errors)
    {
        var errorsBefore = errors.Count;
        var title = fields.RequiredString("title", "add a line such as 'title: Siberia' to the front matter");
        var description = fields.String("description");
        var layout = fields.String("layout");
        var order = fields.Integer("order");
        var draft = fields.Boolean("draft") ?? false;
        var events = ReadEvents(fields, file).ToArray();
        var work = isWork ? ReadWork(fields) : null;
        if (errors.Count > errorsBefore || title is null) return null;
        return new PageInfo(title, description, layout, fields.KeyPosition("layout"), order, draft, events, work);
    }

    public static IEnumerable<TimelineEvent> ReadEvents(YamlFields fields, string file, string key = "events")
    {
        foreach (var item in fields.Mappings(key, "event"))
        {
            var evt = ReadEvent(item, file);
            if (evt is not null) yield return evt;
        }
    }

    public static TimelineEvent? ReadEvent(YamlFields item, string file)
    {
        var date = item.Date("date", required: true, "an event");
        var end = item.Date("end", required: false, "an event");
        var title = item.RequiredString("title", "give the event a short title such as 'title: Escapes from prison'");
        var places = ReadPlaces(item);
        var anchor = item.String("anchor");
        if (date is { } start && end is { } finish && finish.CompareTo(start) < 0)
        {
            item.Error(item.Node("end")!, ErrorCodes.InvalidDate,
                $"the event ends ({finish.Iso}) before it begins ({start.Iso}); check 'date' and 'end'");
            return null;
        }
        if (date is null || title is null) return null;
        return new TimelineEvent(date.Value, end, title, places,
            string.IsNullOrWhiteSpace(anchor) ? null : anchor.Trim(),
            file, item.PositionOf(item.Map));
    }

    /// <summary>An event's <c>place</c>: one name, or a list of names for an event in several places.</summary>
    private static ValueList<EventPlace> ReadPlaces(YamlFields item)
    {
        var node = item.Node("place");
        if (node is null) return ValueList<EventPlace>.Empty;
        if (node is YamlScalarNode)
            return item.String("place") is { } name && !string.IsNullOrWhiteSpace(name)
                ? new([new EventPlace(name, item.PositionOf(node))])
                : ValueList<EventPlace>.Empty;
        if (node is not YamlSequenceNode list)
        {
            item.Error(node, ErrorCodes.WrongType,
                "'place' must be a place's name, or a list of names such as [London, Paris], not a mapping");
            return ValueList<EventPlace>.Empty;
        }
        var places = new List<EventPlace>();
        foreach (var entry in list.Children)
        {
            if (entry is YamlScalarNode { Value: { } name } && !YamlFields.IsNull(entry))
            {
                if (!string.IsNullOrWhiteSpace(name) && places.All(p => p.Name != name))
                    places.Add(new EventPlace(name, item.PositionOf(entry)));
            }
            else item.Error(entry, ErrorCodes.WrongType,
                "each item of 'place' must be a place's name on one line, such as '- London'");
        }
        return new ValueList<EventPlace>(places);
    }

    private static Work? ReadWork(YamlFields fields)
    {
        var year = fields.Integer("year");
        var unfinished = fields.Boolean("unfinished") ?? false;
        var startHere = fields.Boolean("start_here") ?? false;
        if (year is null && fields.Node("year") is null && !unfinished)
            fields.Error(fields.Position(fields.Map.Start), ErrorCodes.MissingKey,
                "a work needs 'year' (the year of first publication, e.g. 'year: 1902'); only an unfinished work may " +
                "leave it out");
        var kind = ReadKind(fields);
        var etexts = new List<ETextSource>();
        foreach (var item in fields.Mappings("etexts", "e-text source"))
        {
            var source = item.RequiredString("source", "name where it can be read, e.g. 'source: Project Gutenberg'");
            var url = item.String("url");
            if (url is not null && !IsHttpUrl(url))
                item.Error(item.Node("url")!, ErrorCodes.InvalidValue,
                    $"'{url}' is not an absolute http(s) address; leave 'url' out when you do not know it");
            else if (source is not null) etexts.Add(new ETextSource(source, url));
        }
        if ((year is null && !unfinished) || kind is null) return null;
        return new Work(year, kind.Value, fields.String("original_title"), fields.String("language"),
            fields.String("place"), fields.String("publisher"), etexts, unfinished, startHere);
    }

    private static WorkKind? ReadKind(YamlFields fields)
    {
        var node = fields.Node("kind");
        var text = fields.String("kind");
        if (node is null)
        {
            fields.Error(fields.Position(fields.Map.Start), ErrorCodes.MissingKey,
                "a work needs 'kind': one of book, pamphlet, article or collection");
            return null;
        }
        switch (text)
        {
            case null: return null;
            case "book": return WorkKind.Book;
            case "pamphlet": return WorkKind.Pamphlet;
            case "article": return WorkKind.Article;
            case "collection": return WorkKind.Collection;
        }
        fields.Error(node, ErrorCodes.UnknownKind,
            $"'{text}' is not a kind of work; use one of book, pamphlet, article or collection");
        return null;
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
