namespace KropotkinSite.Content;

/// <summary>Everything a layout may show about one page. Templates only present this; they compute nothing.</summary>
/// <param name="Content">The page's HTML, as <see cref="LayoutModel.Content"/>.</param>
public sealed record PageView(
    string Title,
    string Description,
    string Url,
    string Href,
    string? Canonical,
    string Kind,
    string Section,
    object Content,
    bool IsHome,
    IReadOnlyList<PageHeading> Toc,
    IReadOnlyList<LinkView> Breadcrumbs,
    LinkView? Previous,
    LinkView? Next,
    IReadOnlyList<LinkView> Backlinks,
    IReadOnlyList<BacklinkGroup> BacklinkGroups,
    ReadingPlace? Place,
    LinkView? StartReading,
    LinkView? ReadOn,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<LinkView> SectionPages,
    WorkView? Work,
    WorksCatalogueView? Catalogue,
    TimelineView? Timeline,
    string JsonLd,
    PlacesView? Places = null);
