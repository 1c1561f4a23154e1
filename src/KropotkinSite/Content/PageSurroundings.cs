namespace KropotkinSite.Content;

/// <summary>
/// What one page's view shows of the rest of the site: the pages before and after it, its section page, the pages
/// that link to it (and by section), its section's pages (for a section page), the navigation entry it sits under,
/// where it stands in the reading order (<c>PlaceNumber</c> of <c>PlaceCount</c> in <c>PlaceSection</c>, or in the
/// whole order for a top-level page; 0 when it is not in it), where reading starts from it (the home page and
/// section pages) and where its reading order ends up (<c>ReadOn</c>), the ids of its events on the timeline, and
/// the catalogue, the timeline or the places it presents. A page's view reads nothing else of the
/// site, so it is the same while these are.
/// </summary>
public sealed record PageSurroundings(
    PageEntry? Previous,
    PageEntry? Next,
    PageEntry? SectionPage,
    IReadOnlyList<PageEntry> Backlinks,
    IReadOnlyList<BacklinkSection> BacklinkSections,
    IReadOnlyList<PageEntry> SectionPages,
    string NavigationUrl,
    PageEntry? PlaceSection,
    int PlaceNumber,
    int PlaceCount,
    PageEntry? StartReading,
    PageEntry? ReadOn,
    IReadOnlyList<string?> EventIds,
    WorksCatalogueView? Catalogue,
    TimelineView? Timeline,
    PlacesView? Places = null)
{
    /// <summary>What a page shows of the others, made from its slice alone (see <see cref="SiteIndex.SliceOf"/>); the
    /// catalogue, timeline or places a page of that kind presents are not set (see <see cref="Presenting"/>).</summary>
    public static PageSurroundings Of(PageSlice slice)
    {
        var page = slice.Page;
        var section = page.Section;
        var (number, count) = slice.Place is { } place ? (place.Number, place.Count) : (0, 0);
        return new PageSurroundings(
            slice.Previous,
            slice.Next,
            slice.SectionPage,
            slice.Backlinks.Pages,
            slice.Backlinks.Sections,
            slice.Leads?.SectionPages ?? [],
            section.Length > 0 ? "/" + section + "/" : page.Url,
            slice.Place is { InSection: true } ? slice.SectionPage : null,
            number,
            count,
            slice.Leads?.StartReading,
            slice.Leads?.ReadOn,
            slice.EventIds,
            null,
            null);
    }

    /// <summary>What a page of the index shows of the others.</summary>
    public static PageSurroundings Of(PageEntry page, SiteIndex index, TimelineIds timeline) =>
        Of(index.SliceOf(index.PositionOf(page), EventIdsOf(page, timeline)));

    /// <summary>The id on the timeline of each of a page's events (null for one it does not show).</summary>
    public static IReadOnlyList<string?> EventIdsOf(PageEntry page, TimelineIds timeline) =>
        page.Info?.Events is { Count: > 0 } events ? [.. events.Select(timeline.IdOf)] : [];

    /// <summary>Whether a kind of page presents the works catalogue, the timeline or the places.</summary>
    public static bool Presents(string kind) => kind is PageKinds.WorksIndex or PageKinds.Timeline or PageKinds.Places;

    /// <summary>The surroundings with what a page of its kind presents.</summary>
    public PageSurroundings Presenting(string kind, WorksCatalogueView? catalogue, TimelineView? timeline,
        PlacesView? places) =>
        this with
        {
            Catalogue = kind == PageKinds.WorksIndex ? catalogue : null,
            Timeline = kind == PageKinds.Timeline ? timeline : null,
            Places = kind == PageKinds.Places ? places : null,
        };
}
