namespace KropotkinSite.Content;

/// <summary>
/// What every page's layout may show of the site: the settings, the site index, the site view, the works
/// catalogue and the timeline. It makes one page's model from these and the page itself.
/// </summary>
public sealed record SiteViews(
    SiteSettings Settings,
    SiteIndex Index,
    SiteView Site,
    WorksCatalogueView Catalogue,
    TimelineView Timeline,
    TimelineData TimelineData,
    string BasePath,
    string TimelineUrl)
{
    /// <summary>What the layout of a page shows: the site, the page's view and the navigation, around its HTML.</summary>
    public LayoutModel ModelOf(PageEntry entry, string html)
    {
        var views = new PageViewBuilder(Settings, Index, BasePath, TimelineUrl, TimelineData.IdOf);
        var view = views.Build(entry, html,
            entry.Kind == PageKinds.WorksIndex ? Catalogue : null,
            entry.Kind == PageKinds.Timeline ? Timeline : null);
        return new LayoutModel(Site, view, views.Navigation(entry), html);
    }
}
