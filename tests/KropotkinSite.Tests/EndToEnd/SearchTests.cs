using System.Text;
using System.Text.Json;
using KropotkinSite.Search;
using KropotkinSite.Tests.Search;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>The search page, the search field of every page and the index, as a build writes them.</summary>
public sealed class SearchTests
{
    private static SearchIndexReader IndexOf(TestSite site) =>
        new(site.Snapshot()
            .Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal)
                && f.Key.EndsWith(".bin", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["search/".Length..], f => f.Value));

    private static JsonElement PageFile(TestSite site, int id) => IndexOf(site).Page(id);

    private static byte[] Inflated(TestSite site, string file) =>
        SearchIndexReader.Inflate(File.ReadAllBytes(Path.Combine(site.Output, "search", file)));

    [Fact]
    public void Every_site_gets_a_search_page_with_a_results_list_its_script_and_a_word_for_browsers_without_scripts()
    {
        using var site = TestSite.Minimal();
        site.BuildSuccessfully();
        var html = site.ReadOutput("search/index.html");
        Assert.Contains("<title>Search · Test site</title>", html);
        Assert.Contains("<ol class=\"search-results\" id=\"search-results\" data-index=\"/search/\"></ol>", html);
        Assert.Contains("role=\"status\"", html);
        Assert.Matches("<script src=\"/assets/search\\.[0-9a-f]{10}\\.js\" defer></script>", html);
        Assert.Matches("<noscript><p class=\"search-nojs\">Search needs JavaScript", html);
        Assert.True(site.OutputExists("search/meta.bin"));
        // Other pages do without the script: they only carry the search field.
        var head = site.ReadOutput("index.html").Split("<body>")[0];
        Assert.DoesNotContain("search.", head.Replace("site.webmanifest", "", StringComparison.Ordinal));
    }

    [Fact]
    public void An_intro_at_search_index_md_gives_the_search_page_its_title_and_text()
    {
        using var site = TestSite.Minimal();
        site.Write("search/index.md", "---\ntitle: Find a page\n---\nType a name, a place or a work.\n");
        site.BuildSuccessfully();
        var html = site.ReadOutput("search/index.html");
        Assert.Contains("<h1>Find a page</h1>", html);
        Assert.Contains("<p>Type a name, a place or a work.</p>", html);
    }

    [Fact]
    public void Every_page_has_a_search_form_in_its_header_that_goes_to_the_search_page_also_under_a_base_path()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully("--base-path", "/kropotkin/");
        foreach (var page in new[] { "index.html", "life/early/index.html", "works/index.html", "404.html" })
        {
            var header = site.ReadOutput(page).Split("<header")[1].Split("</header>")[0];
            Assert.Contains("<form class=\"site-search\" role=\"search\" aria-label=\"Site\" " +
                "action=\"/kropotkin/search/\" method=\"get\">", header);
            Assert.Contains("<input class=\"site-search__input\" id=\"site-search-query\" type=\"search\" name=\"q\"",
                header);
        }
        Assert.Contains("data-index=\"/kropotkin/search/\"", site.ReadOutput("search/index.html"));
        Assert.All(Enumerable.Range(0, IndexOf(site).PageCount),
            id => Assert.StartsWith("/kropotkin/", PageFile(site, id).GetProperty("u").GetString()));
        // The search page is reached from the field and the footer, not the main navigation.
        var navigation = site.ReadOutput("index.html").Split("<nav class=\"site-nav\"")[1].Split("</nav>")[0];
        Assert.DoesNotContain("/kropotkin/search/", navigation);
    }

    [Fact]
    public void The_index_holds_every_page_but_the_search_and_404_pages_and_none_of_the_header_or_footer()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("_site.yml", "title: Test Biography\nsources: Xylophonic archives\nlicense: Quuxable terms\n");
        site.Write("life/prison.md", "---\ntitle: Prison years\n---\nHe was held at Clairvaux.\n");
        site.BuildSuccessfully();
        var index = IndexOf(site);
        var pages = Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories).Length;
        Assert.Equal(pages - 2, index.PageCount);
        var urls = Enumerable.Range(0, index.PageCount)
            .Select(id => PageFile(site, id).GetProperty("u").GetString()).ToArray();
        Assert.DoesNotContain("/search/", urls);
        Assert.Contains("/timeline/", urls);
        var (_, clairvaux) = index.Find("clairvaux");
        var prison = Array.IndexOf(urls, "/life/prison/");
        Assert.True(clairvaux is not null && clairvaux.Weights.ContainsKey(prison));
        Assert.Null(index.Find(PorterStemmer.Stem("xylophonic")).Term);
        Assert.Null(index.Find(PorterStemmer.Stem("quuxable")).Term);
        var page = PageFile(site, prison);
        Assert.Equal("Prison years", page.GetProperty("t").GetString());
        Assert.Equal("life", page.GetProperty("s").GetString());
        var meta = Encoding.UTF8.GetString(Inflated(site, "meta.bin"));
        Assert.Contains("\"life\":\"Life\"", meta);
        Assert.Contains("He was held at Clairvaux.", page.GetProperty("x").GetString());
    }

    [Fact]
    public void A_site_of_one_page_gets_an_index_that_lists_it()
    {
        using var site = TestSite.Minimal();
        site.BuildSuccessfully();
        var meta = Encoding.UTF8.GetString(Inflated(site, "meta.bin"));
        Assert.StartsWith("{\"pages\":", meta);
        Assert.True(IndexOf(site).PageCount >= 1);
    }
}
