using KropotkinSite.Content;
using static KropotkinSite.Tests.Content.SiteIndexTests;

namespace KropotkinSite.Tests.Content;

public sealed class SiteOrderTests
{
    private static readonly PageEntry[] Pages =
    [
        Entry("/", "Home", kind: PageKinds.Home),
        Entry("/life/", "Life", 1, PageKinds.Section),
        Entry("/life/b/", "B"), Entry("/life/a/", "A"), Entry("/life/c/", "C", 1),
        Entry("/exile/", "Exile", 2, PageKinds.Section),
        Entry("/exile/z/", "Z"),
        Entry("/about/", "About", 3),
        Entry("/works/", "Works", 4, PageKinds.WorksIndex),
        Entry("/works/x/", "X", kind: PageKinds.Work, work: Work(1900)),
        Entry("/404/", "Not found", kind: PageKinds.NotFound),
    ];

    private static (SiteShape Shape, SiteOrder Order) Build(IReadOnlyList<PageEntry> pages)
    {
        var shape = new SiteShape([.. pages.Select(PageKey.Of)]);
        return (shape, new SiteOrder(shape, SiteIndex.PermutationsOf(shape, [.. pages.Select(SortKey.Of)])));
    }

    private static int At(string url) => Array.FindIndex(Pages, p => p.Url == url);

    private static string[] Urls(IEnumerable<int> positions) => [.. positions.Select(p => Pages[p].Url)];

    [Fact]
    public void The_shape_holds_every_page_but_the_not_found_page_by_address()
    {
        var (shape, _) = Build(Pages);
        Assert.Equal(Pages.Select(p => p.Url).Where(u => u != "/404/").Order(StringComparer.Ordinal),
            Urls(shape.Pages));
        Assert.Equal(-1, shape.PositionOf("/404/"));
        Assert.Equal(-1, shape.Canonical[At("/404/")]);
        Assert.Equal(At("/life/"), shape.SectionPages[At("/life/a/")]);
        Assert.Equal(-1, shape.SectionPages[At("/about/")]);
        Assert.Equal(["exile", "life", "works"], shape.Sections);
    }

    [Fact]
    public void The_reading_order_goes_through_the_navigation_and_numbers_pages_within_their_section()
    {
        var (_, order) = Build(Pages);
        Assert.Equal(["/life/", "/exile/", "/about/", "/works/"], Urls(order.Navigation));
        Assert.Equal(["/life/c/", "/life/a/", "/life/b/", "/exile/z/", "/about/"], Urls(order.ReadingOrder));
        Assert.Equal(new OrderPlace(2, 3, true), order.PlaceOf(At("/life/a/")));
        Assert.Equal(new OrderPlace(1, 1, true), order.PlaceOf(At("/exile/z/")));
        Assert.Equal(new OrderPlace(5, 5, false), order.PlaceOf(At("/about/")));
        Assert.Null(order.PlaceOf(At("/works/x/")));
        Assert.Equal(At("/works/"), order.ReadOn);
        Assert.Equal(At("/life/c/"), order.FirstRead(2 + 1));
    }

    [Fact]
    public void The_telling_rank_follows_the_reading_order_then_the_works_then_the_addresses()
    {
        var (shape, order) = Build(Pages);
        var ranked = shape.Pages.OrderBy(order.TellingRank).Select(p => Pages[p].Url).ToArray();
        Assert.Equal(["/life/c/", "/life/a/", "/life/b/", "/exile/z/", "/about/", "/works/x/", "/", "/exile/",
            "/life/", "/works/"], ranked);
        Assert.Equal(int.MaxValue, order.TellingRank(-1));
    }

    [Fact]
    public void A_retitled_page_that_keeps_its_place_leaves_every_permutation_as_it_was()
    {
        var (shape, _) = Build(Pages);
        var before = SiteIndex.PermutationsOf(shape, [.. Pages.Select(SortKey.Of)]);
        var kept = Pages.Select(p => p.Url == "/life/a/" ? p with { Title = "Aa" } : p).ToArray();
        Assert.Equal(before, SiteIndex.PermutationsOf(shape, [.. kept.Select(SortKey.Of)]));
        var moved = Pages.Select(p => p.Url == "/life/a/" ? p with { Title = "Y" } : p).ToArray();
        var (_, order) = Build(moved);
        Assert.Equal(["/life/c/", "/life/b/", "/life/a/"], Urls(order.ReadingOrder.Take(3)));
    }

    [Fact]
    public void Mentions_are_the_links_of_content_pages_to_other_pages_the_index_holds()
    {
        var pages = new[]
        {
            Entry("/a/", "A", links: ["/t/", "/missing/", "/a/"]),
            Entry("/", "Home", kind: PageKinds.Home, links: ["/t/"]),
            Entry("/t/", "T", links: ["/a/"]),
        };
        var shape = new SiteShape([.. pages.Select(PageKey.Of)]);
        var mentions = new SiteMentions(shape, [.. pages.Select(p => p.LinkTargets)]);
        Assert.Equal([0], mentions.Sources[mentions.TargetOf(2)]);
        Assert.Equal([2], mentions.Sources[mentions.TargetOf(0)]);
        Assert.Equal(-1, mentions.TargetOf(1));
        Assert.Equal(2, mentions.Targets.Count);
    }
}
