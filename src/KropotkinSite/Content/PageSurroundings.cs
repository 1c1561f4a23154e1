namespace KropotkinSite.Content;

/// <summary>
/// What one page's view shows of the rest of the site: the pages before and after it, its section page, the pages
/// that link to it, its section's pages (for a section page), the navigation entry it sits under, the ids of its
/// events on the timeline, and the catalogue or the timeline it presents. A page's view reads nothing else of the
/// site, so it is the same while these are.
/// </summary>
public sealed record PageSurroundings(
    PageEntry? Previous,
    PageEntry? Next,
    PageEntry? SectionPage,
    IReadOnlyList<PageEntry> Backlinks,
    IReadOnlyList<PageEntry> SectionPages,
    string NavigationUrl,
    IReadOnlyList<string?> EventIds,
    WorksCatalogueView? Catalogue,
    TimelineView? Timeline)
{
    public static PageSurroundings Of(PageEntry page, SiteIndex index, TimelineData timeline,
        WorksCatalogueView? catalogue = null, TimelineView? timelineView = null)
    {
        var (previous, next) = index.Neighbours(page);
        return new PageSurroundings(
            previous,
            next,
            page.Section.Length > 0 ? index.Find("/" + page.Section + "/") : null,
            index.Backlinks(page.Url),
            page.IsSectionIndex ? index.SectionPages(page.Section) : [],
            index.NavigationUrlOf(page),
            [.. (page.Info?.Events ?? []).Select(timeline.IdOf)],
            page.Kind == PageKinds.WorksIndex ? catalogue : null,
            page.Kind == PageKinds.Timeline ? timelineView : null);
    }
}
