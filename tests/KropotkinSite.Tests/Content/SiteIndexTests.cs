using KropotkinSite.Content;

namespace KropotkinSite.Tests.Content;

public sealed class SiteIndexTests
{
    internal static PageEntry Entry(string url, string title, int? order = null, string kind = PageKinds.Page,
        string[]? links = null, Work? work = null, string? description = null) =>
        new(url, title, description, "Excerpt of " + title, order, "/in" + url + "x.md",
            new PageInfo(title, description, null, SourcePosition.Start, order, false, [], work), [], links ?? [],
                kind);

    internal static Work Work(int? year) => new(year, WorkKind.Book, null, null, null, null, [], year is null);

    [Fact]
    public void The_navigation_holds_top_level_pages_and_section_pages_by_order_then_title_but_not_home()
    {
        var index = new SiteIndex([
            Entry("/", "Home", kind: PageKinds.Home),
            Entry("/life/", "Life", 2, PageKinds.Section),
            Entry("/life/early/", "Early"),
            Entry("/about/", "About"),
            Entry("/ideas/", "Ideas", 1, PageKinds.Section),
            Entry("/contact/", "Contact", 2),
        ]);
        Assert.Equal(["/ideas/", "/contact/", "/life/", "/about/"], index.Navigation.Select(p => p.Url));
    }

    [Fact]
    public void A_navigation_place_is_where_a_page_stands_in_the_navigation_and_none_for_other_pages()
    {
        var index = new SiteIndex([
            Entry("/", "Home", kind: PageKinds.Home),
            Entry("/life/", "Life", 2, PageKinds.Section),
            Entry("/life/early/", "Early"),
            Entry("/ideas/", "Ideas", 1, PageKinds.Section),
        ]);
        Assert.Equal(0, index.NavigationPlace("/ideas/"));
        Assert.Equal(1, index.NavigationPlace("/life/"));
        Assert.Null(index.NavigationPlace("/life/early/"));
        Assert.Null(index.NavigationPlace("/"));
    }

    [Fact]
    public void Pages_of_a_section_follow_each_other_by_order_then_title_and_works_by_year()
    {
        var index = new SiteIndex([
            Entry("/life/", "Life", kind: PageKinds.Section),
            Entry("/life/b/", "B", 2), Entry("/life/a/", "A", 2), Entry("/life/c/", "C", 1), Entry("/life/z/", "Z"),
            Entry("/works/x/", "X", kind: PageKinds.Work, work: Work(1900)),
            Entry("/works/y/", "Y", kind: PageKinds.Work, work: Work(1885)),
            Entry("/works/u/", "U", kind: PageKinds.Work, work: Work(null)),
        ]);
        Assert.Equal(["/life/c/", "/life/a/", "/life/b/", "/life/z/"], index.SectionPages("life").Select(p => p.Url));
        var (previous, next) = index.Neighbours(index.Find("/life/a/")!);
        Assert.Equal(("/life/c/", "/life/b/"), (previous?.Url, next?.Url));
        Assert.Equal((null, null), index.Neighbours(index.Find("/life/")!));
        Assert.Equal(["/works/y/", "/works/x/", "/works/u/"], index.Works.Select(p => p.Url));
        Assert.Equal("/works/x/", index.Neighbours(index.Find("/works/y/")!).Next?.Url);
    }

    [Fact]
    public void Backlinks_are_the_other_pages_that_link_to_a_page_by_title()
    {
        var index = new SiteIndex([
            Entry("/a/", "Zeta", links: ["/t/"]),
            Entry("/b/", "Alpha", links: ["/t/", "/missing/"]),
            Entry("/t/", "Target", links: ["/t/"]),
        ]);
        Assert.Equal(["/b/", "/a/"], index.Backlinks("/t/").Select(p => p.Url));
        Assert.Empty(index.Backlinks("/missing/"));
        Assert.Empty(index.Backlinks("/a/"));
    }

    [Fact]
    public void A_page_belongs_under_its_section_in_the_navigation_and_a_top_level_page_under_itself()
    {
        var index = new SiteIndex([Entry("/life/", "Life", kind: PageKinds.Section), Entry("/life/a/", "A"),
            Entry("/about/", "About")]);
        Assert.Equal("/life/", index.NavigationUrlOf(index.Find("/life/a/")!));
        Assert.Equal("/about/", index.NavigationUrlOf(index.Find("/about/")!));
    }
}
