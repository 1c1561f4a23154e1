namespace KropotkinSite.Content;

/// <summary>The navigation's links as pages show them, made once for the whole site: each entry's link plain, as
/// the page itself (<c>aria-current="page"</c>) and as the section a page sits under (<c>"true"</c>). A page's
/// navigation is a list of these (see <see cref="For"/>).</summary>
public sealed record NavigationLinks(
    IReadOnlyList<string> Urls,
    IReadOnlyList<LinkView> Plain,
    IReadOnlyList<LinkView> AsPage,
    IReadOnlyList<LinkView> AsSection)
{
    public static NavigationLinks Of(IReadOnlyList<PageEntry> navigation, string basePath)
    {
        LinkView[] Links(string? current) => [.. navigation.Select(p =>
            new LinkView(p.Title, PageViewBuilder.Href(basePath, p.Url), current, p.Summary))];
        return new NavigationLinks([.. navigation.Select(p => p.Url)], Links(null), Links("page"), Links("true"));
    }

    /// <summary>The navigation as the page at <paramref name="pageUrl"/> shows it: its own entry and the one it sits
    /// under (<paramref name="activeUrl"/>) marked.</summary>
    public IReadOnlyList<LinkView> For(string pageUrl, string activeUrl)
    {
        var links = new LinkView[Urls.Count];
        for (var i = 0; i < links.Length; i++)
            links[i] = Urls[i] == pageUrl ? AsPage[i] : Urls[i] == activeUrl ? AsSection[i] : Plain[i];
        return links;
    }
}
