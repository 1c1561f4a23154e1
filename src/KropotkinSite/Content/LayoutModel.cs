namespace KropotkinSite.Content;

/// <summary>The root object a layout renders: <c>site</c>, <c>page</c>, <c>navigation</c> and <c>content</c>, the
/// page's HTML (a string, or a <c>Theme.ContentValue</c>, which layouts read as one).</summary>
public sealed record LayoutModel(SiteView Site, PageView Page, IReadOnlyList<LinkView> Navigation, object Content)
{
    /// <summary>The model around the page's own HTML: its <c>content</c>, and its page's.</summary>
    public LayoutModel WithContent(object html) => this with { Page = Page with { Content = html }, Content = html };
}
