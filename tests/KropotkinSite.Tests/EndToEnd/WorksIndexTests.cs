using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

public sealed class WorksIndexTests
{
    [Fact]
    public void Every_work_appears_exactly_once_in_one_list_by_year_with_its_kind_and_a_link_to_its_page()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("works/third.md", "---\ntitle: Another Book\nyear: 1892\nkind: book\n---\nText.");
        site.BuildSuccessfully();
        var index = site.Page("works/index.html");

        // One chronological list: no group of one ("Collections (1)").
        Assert.Single(index.QuerySelectorAll(".works-list"));
        Assert.Equal(["/works/first/", "/works/third/", "/works/second/"], index.Hrefs(".work-item a"));
        Assert.Equal(["Collection", "Book", "Book"], index.Texts(".work-item__kind"));
        Assert.Equal("3 works: 2 books, 1 collection.", index.Texts(".counts")[0]);
    }

    [Fact]
    public void The_index_shows_each_works_description_and_the_works_marked_to_start_with_first()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("works/third.md", "---\ntitle: Another Book\nyear: 1892\nkind: book\nstart_here: true\n" +
                                     "description: A good first book.\n---\nText.");
        site.BuildSuccessfully();
        var index = site.Page("works/index.html");
        Assert.Equal(["/works/third/"], index.Hrefs(".start-here a"));
        Assert.Equal(["A good first book."], index.Texts(".start-here p"));
        Assert.Equal(["A good first book."], index.Texts(".work-item__description"));
    }

    [Fact]
    public void Languages_are_named_in_words_never_as_raw_codes()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("works/third.md", "---\ntitle: Another Book\nyear: 1892\nkind: book\nlanguage: ru\n---\nText.");
        site.BuildSuccessfully();
        var language = site.Page("works/third/index.html").QuerySelectorAll(".facts dt")
            .Single(dt => dt.TextContent == "Original language");
        Assert.Equal("Russian", language.NextElementSibling!.TextContent);
        Assert.Contains("(French)", site.Page("works/first/index.html").Texts(".facts dd")[2]);
        Assert.Contains("in Russian", site.Page("works/index.html").Texts(".work-item__meta")[1]);
        Assert.Empty(site.Page("works/third/index.html").QuerySelectorAll(".facts code"));
    }

    [Fact]
    public void Works_of_one_year_are_ordered_by_title_whatever_their_file_names()
    {
        using var site = TestSite.Minimal();
        site.Write("works/a.md", "---\ntitle: Zeta\nyear: 1900\nkind: book\n---\n");
        site.Write("works/b.md", "---\ntitle: Alpha\nyear: 1900\nkind: book\n---\n");
        site.Write("works/c.md", "---\ntitle: Mu\nyear: 1899\nkind: book\n---\n");
        site.BuildSuccessfully();
        Assert.Equal(["Mu", "Alpha", "Zeta"], site.Page("works/index.html").Texts(".work-item cite"));
    }

    [Fact]
    public void The_original_title_carries_its_language_and_unfinished_works_are_marked()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("works/last.md", "---\ntitle: Ethics\nkind: book\nunfinished: true\n---\n");
        site.BuildSuccessfully();
        var index = site.Page("works/index.html");
        var original = index.QuerySelector(".original cite")!;
        Assert.Equal("fr", original.GetAttribute("lang"));
        Assert.Equal("Paroles d'un révolté", original.TextContent);
        var unfinished = index.QuerySelectorAll(".work-item").Single(li => li.TextContent.Contains("Ethics"));
        Assert.Contains("unfinished", unfinished.QuerySelector(".badge")!.TextContent);
        Assert.Equal("Ethics", index.Texts(".work-item cite").Last());
    }

    [Fact]
    public void A_new_work_appears_in_the_index_after_the_next_build()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        Assert.DoesNotContain("/works/pamphlet/", site.Page("works/index.html").Hrefs(".work-item a"));
        site.Write("works/pamphlet.md", "---\ntitle: An Appeal\nyear: 1880\nkind: pamphlet\n---\n");
        site.BuildSuccessfully();
        Assert.Contains("/works/pamphlet/", site.Page("works/index.html").Hrefs(".work-item a"));
    }

    [Fact]
    public void A_work_without_optional_keys_renders_its_facts_cleanly()
    {
        using var site = TestSite.Minimal();
        site.Write("works/bare.md", "---\ntitle: Bare\nyear: 1900\nkind: article\n---\n");
        site.BuildSuccessfully();
        var page = site.Page("works/bare/index.html");
        Assert.Equal(["First published", "Kind"], page.Texts(".facts dt"));
        Assert.Equal(["1900", "Article"], page.Texts(".facts dd"));
        Assert.DoesNotContain("Where to read it", page.Body!.TextContent);
    }

    [Fact]
    public void A_work_page_links_to_the_previous_and_next_work_by_year_and_lists_its_e_texts()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("works/third.md", "---\ntitle: Middle\nyear: 1890\nkind: book\n---\n");
        site.BuildSuccessfully();
        var middle = site.Page("works/third/index.html");
        Assert.Equal("/works/first/", middle.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/works/second/", middle.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["Some Library"], site.Page("works/first/index.html").Texts(".etexts li"));
    }

    [Fact]
    public void Mentioned_on_lists_exactly_the_pages_that_link_to_the_work()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("life/extra.md",
            "---\ntitle: Extra\n---\nAlso [the first work](../../works/first/#top) and [again](/works/first/).");
        site.BuildSuccessfully();
        Assert.Equal(["/life/early/", "/life/extra/"], site.Page("works/first/index.html").Hrefs(".backlinks a"));
        Assert.Equal(["/life/later/"], site.Page("works/second/index.html").Hrefs(".backlinks a"));
        Assert.Empty(site.Page("life/extra/index.html").Hrefs(".backlinks a"));
    }

    [Fact]
    public void Each_work_page_has_schema_org_book_data_and_the_index_an_item_list()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        var book = System.Text.Json.JsonDocument.Parse(site.Page("works/first/index.html")
            .QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Book", book.GetProperty("@type").GetString());
        Assert.Equal("The First Work", book.GetProperty("name").GetString());
        Assert.Equal("1885", book.GetProperty("datePublished").GetString());
        var list = System.Text.Json.JsonDocument.Parse(site.Page("works/index.html")
            .QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("ItemList", list.GetProperty("@type").GetString());
        Assert.Equal(2, list.GetProperty("numberOfItems").GetInt32());
    }

    [Fact]
    public void A_site_without_works_still_has_a_works_index_that_says_so()
    {
        using var site = TestSite.Minimal();
        site.BuildSuccessfully();
        var index = site.Page("works/index.html");
        Assert.Equal("Works", index.Texts("h1")[0]);
        Assert.Single(index.QuerySelectorAll(".empty"));
    }
}
