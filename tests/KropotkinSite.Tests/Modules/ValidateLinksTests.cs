using AngleSharp.Html.Parser;
using KropotkinSite.Modules;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Modules;

/// <summary>The link check reads pages with AngleSharp's tokenizer; it must find what a full HTML5 parse finds.</summary>
public sealed class ValidateLinksTests
{
    [Fact]
    public void Reading_a_page_finds_ids_and_checked_links_but_nothing_inside_raw_text_or_comments()
    {
        const string html = """
            <!doctype html><html><head><title>a <a href="/in-title/"> &amp; b</title>
            <link rel="stylesheet" href=" /assets/site.css ">
            <script src="/app.js">var s = '<a href="/in-script/" id="no">';</script>
            <style>a[href="/in-style/"] { color: red }</style></head>
            <body><a href="/x/?a=1&amp;b=2#f%20g" href="/second/" id="top" name="anchor">x</a>
            <img src=/i.png id=''><p id='q'>text <a>no href</a></p><!-- <a href="/in-comment/" id="c"> -->
            <textarea><a href="/in-textarea/"></textarea><div href="/not-a-link/"></div>
            <svg><title>t</title><style>x</style><a href="/svg-link/" id="svg-id"></a><![CDATA[<a href="/cdata/">]]></svg>
            <iframe src="/frame/"><a href="/in-iframe/"></a></iframe></body></html>
            """;
        var (ids, links) = ValidateLinks.ReadPage(html);
        Assert.Equal(["top", "anchor", "q", "svg-id"], ids.ToArray());
        Assert.Equal(["/assets/site.css", "/app.js", "/x/?a=1&b=2#f%20g", "/i.png", "/svg-link/", "/frame/"], links);
        AssertSameAsParser(html);
    }

    [Fact]
    public void Every_page_of_the_projects_own_site_reads_the_same_as_with_a_full_parse()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully();
        var pages = Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        foreach (var page in pages) AssertSameAsParser(File.ReadAllText(page));
    }

    private static void AssertSameAsParser(string html)
    {
        using var dom = new HtmlParser().ParseDocument(html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<string>();
        foreach (var element in dom.All)
        {
            if (element.Id is { Length: > 0 } id) ids.Add(id);
            if (element.LocalName == "a" && element.GetAttribute("name") is { Length: > 0 } name) ids.Add(name);
            if (element.GetAttribute("href") is { } href && element.LocalName is "a" or "area" or "link") links.Add(href.Trim());
            if (element.GetAttribute("src") is { } src && element.LocalName is "img" or "script" or "source" or "audio" or "video" or "iframe" or "track") links.Add(src.Trim());
        }
        var read = ValidateLinks.ReadPage(html);
        Assert.Equal(ids.Order(StringComparer.Ordinal), read.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(links.Order(StringComparer.Ordinal), read.Links.Order(StringComparer.Ordinal));
    }
}
