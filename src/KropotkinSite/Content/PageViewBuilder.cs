using KropotkinSite.Html;
namespace KropotkinSite.Content;

/// <summary>Turns the site index and one page into what its layout shows.</summary>
public sealed class PageViewBuilder(SiteSettings settings, SiteIndex index, string basePath, string timelineUrl, Func<TimelineEvent, string?> timelineId)
{
    public string Href(string url) => Urls.EscapePath(url.StartsWith('/') && basePath != "/" ? basePath + url[1..] : url);

    public string? Absolute(string url) => settings.BaseUrl is { } baseUrl ? new Uri(baseUrl, url.TrimStart('/')).AbsoluteUri : null;

    public IReadOnlyList<LinkView> Navigation(PageEntry current)
    {
        var active = index.NavigationUrlOf(current);
        return index.Navigation
            .Select(p => new LinkView(p.Title, Href(p.Url), p.Url == current.Url ? "page" : p.Url == active ? "true" : null, p.Summary))
            .ToArray();
    }

    public PageView Build(PageEntry page, string content, WorksCatalogueView? catalogue, TimelineView? timeline)
    {
        var (previous, next) = index.Neighbours(page);
        var work = page.Work is { } w ? new WorkView(w, w.KindName, Link(previous), Link(next), w.ETexts) : null;
        var sectionPages = page.IsSectionIndex
            ? index.SectionPages(page.Section).Select(p => new LinkView(p.Title, Href(p.Url), null, p.Summary)).ToArray()
            : [];
        var events = (page.Info?.Events ?? [])
            .Select(e => (Event: e, Id: timelineId(e)))
            .Where(p => p.Id is not null)
            .Select(p => new EventView(p.Event.Date.Iso, p.Event.Date.Display, p.Event.End?.Iso, p.Event.End?.Display, p.Event.Title, p.Event.Place, Href(timelineUrl) + "#" + p.Id))
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
            Breadcrumbs(page),
            page.Work is null ? Link(previous) : null,
            page.Work is null ? Link(next) : null,
            index.Backlinks(page.Url).Select(p => new LinkView(p.Title, Href(p.Url))).ToArray(),
            events,
            sectionPages,
            work,
            catalogue,
            timeline,
            JsonLd(page, catalogue));
    }

    /// <summary>
    /// A key (a hash) that changes whenever <see cref="Build"/> would give this page another view, made without
    /// building it: what the page is (<paramref name="identity"/>: a fingerprint of its source), the shared parts
    /// (<paramref name="shared"/>: site settings and navigation), and what it shows of other pages — the pages
    /// before and after it (previous/next), for a section page all its section's pages (its list), the section
    /// page (breadcrumbs), the pages that link to it, its events' places on the timeline, and for the generated
    /// pages their whole catalogue or timeline (<paramref name="generated"/>). Kept beside <see cref="Build"/>:
    /// whatever Build reads, this key must cover.
    /// </summary>
    public string DependencyKey(PageEntry page, string identity, string shared, Func<string>? generated)
    {
        var key = new System.Text.StringBuilder(256);
        // The navigation marks the page's own entry and its section's entry, both functions of these two addresses.
        key.Append(identity).Append('|').Append(page.Url).Append('|').Append(page.Kind).Append('|').Append(shared).Append('|')
            .Append(index.NavigationUrlOf(page)).Append('|');
        if (page.IsSectionIndex) key.Append(index.SectionSignature(page.Section)).Append('|'); // it lists them all
        else if (page.Section.Length > 0)
        {
            var (previous, next) = index.Neighbours(page);
            foreach (var neighbour in new[] { previous, next })
                key.Append(neighbour?.Url).Append('\u0001').Append(neighbour?.Title).Append('\u0001').Append(neighbour?.Summary).Append('|');
            if (index.Find("/" + page.Section + "/") is { } section) key.Append(section.Url).Append('\u0001').Append(section.Title).Append('|');
        }
        foreach (var source in index.Backlinks(page.Url)) key.Append(source.Url).Append('\u0001').Append(source.Title).Append('\u0002');
        key.Append('|');
        foreach (var e in page.Info?.Events ?? []) key.Append(timelineId(e)).Append('\u0002');
        key.Append('|').Append(generated?.Invoke());
        return TextHash.Of(key.ToString());
    }

    private LinkView? Link(PageEntry? page) => page is null ? null : new LinkView(page.Title, Href(page.Url), null, page.Summary);

    private IReadOnlyList<LinkView> Breadcrumbs(PageEntry page)
    {
        if (page.Url == "/") return [];
        var crumbs = new List<LinkView> { new("Home", Href("/")) };
        if (page.Section.Length > 0 && index.Find("/" + page.Section + "/") is { } section && section.Url != page.Url)
            crumbs.Add(new LinkView(section.Title, Href(section.Url)));
        crumbs.Add(new LinkView(page.Title, Href(page.Url), "page"));
        return crumbs;
    }

    private string JsonLd(PageEntry page, WorksCatalogueView? catalogue)
    {
        if (page.Url == "/" && settings.Subject is { } subject)
            return StructuredData.Person(subject, Absolute("/"));
        if (page.Work is { } work)
            return StructuredData.Book(page.Title, work, page.Description, Absolute(page.Url), settings.Subject?.Name ?? settings.Author);
        if (catalogue is not null)
            return StructuredData.ItemList(page.Title, catalogue.Chronological.Select(w => (w.Title, (string?)(Absolute(w.Url) ?? Href(w.Url)))));
        return "";
    }
}
