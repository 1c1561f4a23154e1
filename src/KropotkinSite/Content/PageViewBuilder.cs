using KropotkinSite.Html;
namespace KropotkinSite.Content;

/// <summary>Turns one page and what it shows of the site around it into what its layout shows.</summary>
public sealed class PageViewBuilder(SiteSettings settings, string basePath, string timelineUrl)
{
    public string Href(string url) => Href(basePath, url);

    /// <summary>A site address as an href: under the base path, and escaped where a URL must be.</summary>
    public static string Href(string basePath, string url) =>
        Urls.EscapePath(url.StartsWith('/') && basePath != "/" ? basePath + url[1..] : url);

    public string? Absolute(string url) =>
        settings.BaseUrl is { } baseUrl ? new Uri(baseUrl, url.TrimStart('/')).AbsoluteUri : null;

    public PageView Build(PageEntry page, PageSurroundings around, string content)
    {
        var (previous, next, catalogue) = (around.Previous, around.Next, around.Catalogue);
        var work = page.Work is { } w
            ? new WorkView(w, w.KindName, Link(previous), Link(next), w.ETexts, LanguageNames.EnglishName(w.Language))
            : null;
        var sectionPages = around.SectionPages
            .Select(p => new LinkView(p.Title, Href(p.Url), null, p.Summary)).ToArray();
        var events = (page.Info?.Events ?? [])
            .Select((e, i) => (Event: e, Id: around.EventIds[i]))
            .Where(p => p.Id is not null)
            .Select(p => new EventView(p.Event.Date.Iso, p.Event.Date.Display, p.Event.End?.Iso, p.Event.End?.Display,
                p.Event.Title, p.Event.Place, Href(timelineUrl) + "#" + p.Id))
            .ToArray();
        return new PageView(
            page.Title,
            page.Summary,
            page.Url,
            Href(page.Url),
            Absolute(page.Url),
            page.Kind,
            page.Section,
            content,
            page.Url == "/",
            page.Headings.Where(h => h.Level == 2 && h.Id.Length > 0).ToArray(),
            Breadcrumbs(page, around.SectionPage),
            page.Work is null ? Link(previous) : null,
            page.Work is null ? Link(next) : null,
            around.Backlinks.Select(p => new LinkView(p.Title, Href(p.Url))).ToArray(),
            around.BacklinkSections
                .Select(g => new BacklinkGroup(g.Title,
                    g.Pages.Select(p => new LinkView(p.Title, Href(p.Url))).ToArray()))
                .ToArray(),
            Place(around),
            Link(around.StartReading),
            page.Work is null && next is null ? Link(around.ReadOn) : null,
            events,
            sectionPages,
            work,
            catalogue,
            around.Timeline,
            JsonLd(page, catalogue),
            around.Places);
    }

    /// <summary>Where a page of the reading order stands: "Exile · 2 of 5", or "20 of 22" for a top-level
    /// page.</summary>
    private ReadingPlace? Place(PageSurroundings around) =>
        around.PlaceNumber == 0 ? null
        : new ReadingPlace(around.PlaceSection is { } section ? new LinkView(section.Title, Href(section.Url)) : null,
            around.PlaceNumber, around.PlaceCount);

    private LinkView? Link(PageEntry? page) =>
        page is null ? null : new LinkView(page.Title, Href(page.Url), null, page.Summary);

    private IReadOnlyList<LinkView> Breadcrumbs(PageEntry page, PageEntry? section)
    {
        if (page.Url == "/") return [];
        var crumbs = new List<LinkView> { new("Home", Href("/")) };
        if (section is not null && section.Url != page.Url)
            crumbs.Add(new LinkView(section.Title, Href(section.Url)));
        crumbs.Add(new LinkView(page.Title, Href(page.Url), "page"));
        return crumbs;
    }

    private string JsonLd(PageEntry page, WorksCatalogueView? catalogue)
    {
        if (page.Url == "/" && settings.Subject is { } subject)
            return StructuredData.Person(subject, Absolute("/"));
        if (page.Work is { } work)
            return StructuredData.Book(page.Title, work, page.Description, Absolute(page.Url),
                settings.Subject?.Name ?? settings.Author);
        if (catalogue is not null)
            return StructuredData.ItemList(page.Title,
                catalogue.Chronological.Select(w => (w.Title, (string?)(Absolute(w.Url) ?? Href(w.Url)))));
        return "";
    }
}
