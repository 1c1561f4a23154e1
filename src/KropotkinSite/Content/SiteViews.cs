namespace KropotkinSite.Content;

/// <summary>
/// What every page's layout shows alike: the settings, the site view and the navigation. It makes one page's model
/// from these, the page itself and what the page shows of the site around it.
/// </summary>
public sealed record SiteViews(
    SiteSettings Settings,
    NavigationLinks Navigation,
    SiteView Site,
    string BasePath,
    string TimelineUrl)
{
    /// <summary>What the layout of a page shows: the site, the page's view and the navigation, around its HTML, which
    /// is given when the page is laid out (<see cref="LayoutModel.WithContent"/>).</summary>
    public LayoutModel ModelOf(PageEntry entry, PageSurroundings around)
    {
        var views = new PageViewBuilder(Settings, BasePath, TimelineUrl);
        return new LayoutModel(Site, views.Build(entry, around, ""), Navigation.For(entry.Url, around.NavigationUrl),
            "");
    }
}
