using KropotkinSite.Content;
using static KropotkinSite.Tests.Content.SiteIndexTests;

namespace KropotkinSite.Tests.Content;

public sealed class NavigationLinksTests
{
    private static readonly NavigationLinks Links = NavigationLinks.Of(
        [Entry("/life/", "Life", kind: PageKinds.Section), Entry("/about/", "About", description: "Who")], "/sub/");

    [Fact]
    public void A_page_of_the_navigation_is_marked_as_the_page_itself()
    {
        Assert.Equal([("Life", "/sub/life/", "page", "Excerpt of Life"), ("About", "/sub/about/", null, "Who")],
            Links.For("/life/", "/life/").Select(l => (l.Title, l.Href, l.Current, l.Summary)));
    }

    [Fact]
    public void The_entry_a_page_sits_under_is_marked_as_its_section()
    {
        Assert.Equal([("Life", "true"), ("About", null)], Links.For("/life/a/", "/life/").Select(l => (l.Title,
            l.Current)));
        Assert.All(Links.For("/elsewhere/", "/elsewhere/"), l => Assert.Null(l.Current));
    }
}
