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
    /// <summary>What a page shows of the others; the catalogue, timeline or places a page of that kind presents
    /// are not set (see <see cref="Presenting"/>).</summary>
    public static PageSurroundings Of(PageEntry page, SiteIndex index, TimelineIds timeline)
    {
        var (previous, next) = index.Neighbours(page);
        var backlinks = index.Backlinks(page.Url);
        var sectionPage = page.Section.Length > 0 ? index.Find("/" + page.Section + "/") : null;
        var position = index.ReadingPosition(page.Url);
        var (number, count) = index.PlaceInSection(page.Url) is { } place ? (place.Index + 1, place.Count)
            : position >= 0 ? (position + 1, index.ReadingOrder.Count)
            : (0, 0);
        return new PageSurroundings(
            previous,
            next,
            sectionPage,
            backlinks,
            BacklinkSectionsOf(index, backlinks),
            page.IsSectionIndex ? index.SectionPages(page.Section) : [],
            index.NavigationUrlOf(page),
            index.PlaceInSection(page.Url) is null ? null : sectionPage,
            number,
            count,
            page.Url == "/" ? index.ReadingOrder.FirstOrDefault()
            : page.IsSectionIndex
                ? index.SectionPages(page.Section).FirstOrDefault(p => index.ReadingPosition(p.Url) >= 0)
            : null,
            position >= 0 && next is null ? index.ReadOn : null,
            [.. (page.Info?.Events ?? []).Select(timeline.IdOf)],
            null,
            null);
    }

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

    /// <summary>The pages that mention one, by section in the navigation's order (top-level pages last, as
    /// "Other pages"), each by title.</summary>
    private static IReadOnlyList<BacklinkSection> BacklinkSectionsOf(SiteIndex index, IReadOnlyList<PageEntry> sources)
    {
        if (sources.Count == 0) return [];
        // Every page's view makes these, so without LINQ: a few sections, each found by a short scan.
        var groups = new List<(string Section, List<PageEntry> Pages)>();
        foreach (var source in sources)
        {
            var section = source.Section;
            var group = 0;
            while (group < groups.Count && groups[group].Section != section) group++;
            if (group == groups.Count) groups.Add((section, [source]));
            else groups[group].Pages.Add(source);
        }
        // Each section's place in the navigation and title, looked up once, not at every comparison of the sort.
        var sections = new (string Section, List<PageEntry> Pages, int Place, string Title)[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            var (section, pages) = groups[i];
            var url = section.Length == 0 ? "" : "/" + section + "/";
            sections[i] = (section, pages,
                section.Length == 0 ? int.MaxValue : index.NavigationPlace(url) ?? int.MaxValue - 1,
                section.Length == 0 ? "Other pages" : index.Find(url)?.Title ?? section);
        }
        // Sections are distinct, so this order has no ties.
        Array.Sort(sections, static (a, b) => a.Place != b.Place
            ? a.Place.CompareTo(b.Place)
            : string.CompareOrdinal(a.Section, b.Section));
        var result = new BacklinkSection[sections.Length];
        for (var i = 0; i < sections.Length; i++)
            result[i] = new BacklinkSection(sections[i].Title, [.. sections[i].Pages]);
        return result;
    }
}
