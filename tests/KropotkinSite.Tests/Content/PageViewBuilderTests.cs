using KropotkinSite.Content;
using static KropotkinSite.Tests.Content.SiteIndexTests;

namespace KropotkinSite.Tests.Content;

public sealed class PageViewBuilderTests
{
    private static readonly SiteSettings Settings =
        SiteSettings.Default("Site") with { BaseUrl = new Uri("https://example.org/sub/") };

    private static PageView View(SiteIndex index, string url, string basePath = "/", TimelineData? timeline = null) =>
        View(index, index.Find(url)!, basePath, timeline);

    private static PageView View(SiteIndex index, PageEntry page, string basePath = "/",
        TimelineData? timeline = null) =>
        new PageViewBuilder(Settings, basePath, "/timeline/")
            .Build(page, PageSurroundings.Of(page, index, IdsOf(timeline ?? new TimelineData([], []))), "<p>x</p>");

    private static TimelineIds IdsOf(TimelineData timeline) =>
        TimelineIds.Of([.. timeline.Ordered.Select(EventSource.Of)], timeline.Ids);

    [Fact]
    public void Breadcrumbs_lead_home_then_to_the_section_then_to_the_page_itself()
    {
        var index = new SiteIndex([Entry("/life/", "Life", kind: PageKinds.Section), Entry("/life/a/", "A")]);
        var view = View(index, "/life/a/", "/sub/");
        Assert.Equal([("Home", "/sub/", null), ("Life", "/sub/life/", null), ("A", "/sub/life/a/", "page")],
            view.Breadcrumbs.Select(c => (c.Title, c.Href, c.Current)));
        Assert.Equal("https://example.org/sub/life/a/", view.Canonical);
    }

    [Fact]
    public void A_work_shows_the_works_before_and_after_it_as_works_not_as_pages()
    {
        var index = new SiteIndex([
            Entry("/works/a/", "A", kind: PageKinds.Work, work: Work(1880)),
            Entry("/works/b/", "B", kind: PageKinds.Work, work: Work(1890)),
        ]);
        var view = View(index, "/works/a/");
        Assert.Null(view.Next);
        Assert.Equal("/works/b/", view.Work?.Next?.Href);
    }

    [Fact]
    public void A_section_page_lists_its_pages_and_a_page_shows_who_links_to_it()
    {
        var index = new SiteIndex([
            Entry("/life/", "Life", kind: PageKinds.Section),
            Entry("/life/a/", "A", 1, description: "About A"),
            Entry("/life/b/", "B", 2, links: ["/life/a/"]),
        ]);
        var section = View(index, "/life/");
        Assert.Equal([("A", "About A"), ("B", "Excerpt of B")], section.SectionPages.Select(p => (p.Title, p.Summary)));
        var a = View(index, "/life/a/");
        Assert.Equal(["/life/b/"], a.Backlinks.Select(l => l.Href));
        Assert.Equal("/life/b/", a.Next?.Href);
    }

    [Fact]
    public void An_event_links_to_its_place_on_the_timeline_and_one_the_timeline_does_not_show_is_left_out()
    {
        var shown = new TimelineEvent(new PartialDate(1876, null, null), null, "Escape", ValueList<EventPlace>.Empty,
            null, "/in/a.md",
            new SourcePosition(3, 3));
        var hidden = shown with { Position = new SourcePosition(6, 3) };
        var entry = Entry("/a/", "A") with
        {
            Info = new PageInfo("A", null, null, SourcePosition.Start, null, false, [shown, hidden], null),
        };
        var index = new SiteIndex([entry]);
        var view = View(index, entry, timeline: new TimelineData([shown], ["e1876-escape"]));
        Assert.Equal(["/timeline/#e1876-escape"], view.Events.Select(e => e.TimelineHref));
    }

    [Fact]
    public void Hrefs_carry_the_base_path_and_escape_what_a_url_cannot_hold()
    {
        Assert.Equal("/sub/life/a%20b/", PageViewBuilder.Href("/sub/", "/life/a b/"));
        Assert.Equal("/life/", PageViewBuilder.Href("/", "/life/"));
        Assert.Equal("https://x.org/", PageViewBuilder.Href("/sub/", "https://x.org/"));
    }
}
