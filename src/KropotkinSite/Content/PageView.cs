namespace KropotkinSite.Content;

/// <summary>A link as templates show it: <c>Href</c> already carries the base path.</summary>
/// <param name="Current">The value of <c>aria-current</c>: "page" for the page itself, "true" for its section; null otherwise.</param>
public sealed record LinkView(string Title, string Href, string? Current = null, string? Summary = null);

/// <summary>An event as a page shows it, with its place on the timeline.</summary>
public sealed record EventView(string DateIso, string DateDisplay, string? EndIso, string? EndDisplay, string Title, string? Place, string TimelineHref);

/// <summary>The facts of a work as its page shows them.</summary>
public sealed record WorkView(Work Work, string KindName, LinkView? Previous, LinkView? Next, IReadOnlyList<ETextSource> ETexts);

/// <summary>Everything a layout may show about one page. Templates only present this; they compute nothing.</summary>
public sealed record PageView(
    string Title,
    string Description,
    string Url,
    string Href,
    string? Canonical,
    string Kind,
    string Section,
    string Content,
    bool IsHome,
    IReadOnlyList<PageHeading> Toc,
    IReadOnlyList<LinkView> Breadcrumbs,
    LinkView? Previous,
    LinkView? Next,
    IReadOnlyList<LinkView> Backlinks,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<LinkView> SectionPages,
    WorkView? Work,
    WorksCatalogueView? Catalogue,
    TimelineView? Timeline,
    string JsonLd,
    PlacesView? Places = null);

/// <summary>The site as every layout sees it.</summary>
public sealed record SiteView(
    string Title,
    string? Description,
    string? Author,
    string Language,
    string? BaseUrl,
    string BasePath,
    string? License,
    string? Sources,
    string HomeHref,
    string TimelineHref,
    string WorksHref,
    IReadOnlyDictionary<string, string> Assets,
    IReadOnlyDictionary<string, object?> Data);

/// <summary>The root object a layout renders: <c>site</c>, <c>page</c>, <c>navigation</c> and <c>content</c>.</summary>
public sealed record LayoutModel(SiteView Site, PageView Page, IReadOnlyList<LinkView> Navigation, string Content);
