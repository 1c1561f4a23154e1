using System.Text.Json;
using System.Text.Json.Nodes;

namespace KropotkinSite.Content;

/// <summary>
/// schema.org JSON-LD for pages. System.Text.Json escapes &lt;, &gt; and &amp;, so no value can close the
/// surrounding script element.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Person(SiteSubject subject, string? url)
    {
        var person = Node("Person");
        person["name"] = subject.Name;
        Add(person, "alternateName", subject.AlternateName);
        Add(person, "birthDate", subject.BirthDate?.Iso);
        Add(person, "deathDate", subject.DeathDate?.Iso);
        if (subject.BirthPlace is not null) person["birthPlace"] = Place(subject.BirthPlace);
        if (subject.DeathPlace is not null) person["deathPlace"] = Place(subject.DeathPlace);
        Add(person, "description", subject.Description);
        Add(person, "url", url);
        return person.ToJsonString(Options);
    }

    public static string Book(string title, Work work, string? description, string? url, string? author)
    {
        var book = Node("Book");
        book["name"] = title;
        Add(book, "alternateName", work.OriginalTitle);
        Add(book, "inLanguage", work.Language);
        if (work.Year is { } year)
            book["datePublished"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Add(book, "description", description);
        if (author is not null) book["author"] = new JsonObject { ["@type"] = "Person", ["name"] = author };
        if (work.Publisher is not null)
            book["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = work.Publisher };
        if (work.Place is not null) book["locationCreated"] = Place(work.Place);
        Add(book, "creativeWorkStatus", work.Unfinished ? "Unfinished" : null);
        Add(book, "url", url);
        return book.ToJsonString(Options);
    }

    public static string ItemList(string name, IEnumerable<(string Title, string? Url)> items)
    {
        var list = Node("ItemList");
        list["name"] = name;
        var elements = new JsonArray();
        var position = 1;
        foreach (var (title, url) in items)
        {
            var item = new JsonObject { ["@type"] = "ListItem", ["position"] = position++, ["name"] = title };
            Add(item, "url", url);
            elements.Add((JsonNode)item);
        }
        list["numberOfItems"] = elements.Count;
        list["itemListElement"] = elements;
        return list.ToJsonString(Options);
    }

    private static JsonObject Node(string type) => new() { ["@context"] = "https://schema.org", ["@type"] = type };

    private static JsonObject Place(string name) => new() { ["@type"] = "Place", ["name"] = name };

    private static void Add(JsonObject node, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) node[key] = value;
    }
}
