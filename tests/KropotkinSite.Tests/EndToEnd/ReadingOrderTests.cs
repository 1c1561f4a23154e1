using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>One reading order through the biography: previous/next across sections, where each page stands, and
/// where reading starts.</summary>
public sealed class ReadingOrderTests
{
    /// <summary>Sections Life, Exile and Philosophy (ordered), two top-level pages, a work and a page of no
    /// order.</summary>
    private static TestSite Biography()
    {
        var site = TestSite.Minimal();
        site.Write("life/index.md", "---\ntitle: Life\norder: 1\n---\n");
        site.Write("life/a.md", "---\ntitle: Childhood\norder: 1\n---\nText.");
        site.Write("life/b.md", "---\ntitle: Siberia\norder: 2\n---\nText.");
        site.Write("exile/index.md", "---\ntitle: Exile\norder: 2\n---\n");
        site.Write("exile/c.md", "---\ntitle: Switzerland\norder: 1\n---\nText.");
        site.Write("exile/d.md", "---\ntitle: London\norder: 2\n---\nText.");
        site.Write("exile/e.md", "---\ntitle: A page without order\n---\nText.");
        site.Write("philosophy/index.md", "---\ntitle: Philosophy\norder: 3\n---\n");
        site.Write("philosophy/f.md", "---\ntitle: Mutual aid\norder: 1\n---\nText.");
        site.Write("works/w.md", "---\ntitle: A Book\nyear: 1900\nkind: book\n---\nText.");
        site.Write("legacy.md", "---\ntitle: Legacy\norder: 21\n---\nText.");
        site.Write("personal.md", "---\ntitle: Personal life\norder: 20\n---\nText.");
        return site;
    }

    private static readonly string[] Expected =
        ["/life/a/", "/life/b/", "/exile/c/", "/exile/d/", "/exile/e/", "/philosophy/f/", "/personal/", "/legacy/"];

    [Fact]
    public void Following_next_from_the_first_life_page_visits_every_biography_page_once_and_ends_with_a_way_on()
    {
        using var site = Biography();
        site.BuildSuccessfully();
        var visited = new List<string>();
        var previous = (string?)null;
        for (var url = "/life/a/"; ;)
        {
            Assert.DoesNotContain(url, visited);
            visited.Add(url);
            var page = site.Page(url.TrimStart('/') + "index.html");
            Assert.Equal(previous is null ? [] : [previous], page.Hrefs("a[rel=prev]"));
            var next = page.Hrefs("a[rel=next]");
            if (next.Length == 0)
            {
                // The last page is no dead end: it sends the reader on to the first part of the site not read yet.
                // The navigation: Life, Exile, Philosophy, Personal life, Legacy, then Places, Timeline and Works.
                Assert.Equal(["/places/"], page.Hrefs(".pager__read-on"));
                break;
            }
            previous = url;
            url = Assert.Single(next);
        }
        Assert.Equal(Expected, visited);
    }

    [Fact]
    public void Each_page_says_where_it_stands_and_each_section_page_where_to_start_reading()
    {
        using var site = Biography();
        site.BuildSuccessfully();
        Assert.Equal(["Exile · 2 of 3"], site.Page("exile/d/index.html").Texts(".whereabouts"));
        Assert.Equal(["/exile/"], site.Page("exile/d/index.html").Hrefs(".whereabouts a"));
        Assert.Equal(["8 of 8 in the reading order"], site.Page("legacy/index.html").Texts(".whereabouts"));
        Assert.Equal(["/exile/c/"], site.Page("exile/index.html").Hrefs(".start-reading a"));
        Assert.Equal(["/philosophy/f/"], site.Page("philosophy/index.html").Hrefs(".start-reading a"));
        Assert.Equal(["/life/a/"], site.Page("index.html").Hrefs(".start-reading a"));
        // Works keep their own order, by year, and are not part of the biography's.
        Assert.Empty(site.Page("works/w/index.html").QuerySelectorAll(".whereabouts"));
    }

    [Fact]
    public void Mentioned_on_lists_only_content_pages_grouped_by_section()
    {
        using var site = Biography();
        site.Write("index.md", "---\ntitle: Home\n---\nSee [Siberia](/life/b/).");
        site.Write("exile/index.md", "---\ntitle: Exile\norder: 2\n---\nBefore: [Siberia](/life/b/).");
        site.Write("exile/c.md", "---\ntitle: Switzerland\norder: 1\n---\nAfter [Siberia](/life/b/).");
        site.Write("life/a.md", "---\ntitle: Childhood\norder: 1\n---\nLater: [Siberia](/life/b/).");
        site.Write("legacy.md", "---\ntitle: Legacy\norder: 21\n---\nRemembered for [Siberia](/life/b/).");
        site.BuildSuccessfully();
        var page = site.Page("life/b/index.html");
        Assert.Equal(["Life", "Exile", "Other pages"], page.Texts(".backlinks h3"));
        Assert.Equal(["/life/a/", "/exile/c/", "/legacy/"], page.Hrefs(".backlinks a"));
    }
}
