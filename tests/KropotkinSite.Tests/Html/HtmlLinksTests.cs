using AngleSharp.Html.Parser;
using KropotkinSite.Html;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Html;

/// <summary>The link check reads pages with AngleSharp's tokenizer; it must find what a full HTML5 parse
/// finds.</summary>
public sealed class HtmlLinksTests
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
            <svg><title>t</title><style>x</style>
            <a href="/svg-link/" id="svg-id"></a><![CDATA[<a href="/cdata/">]]></svg>
            <iframe src="/frame/"><a href="/in-iframe/"></a></iframe></body></html>
            """;
        var (ids, links) = HtmlLinks.Read(html);
        Assert.Equal(["top", "anchor", "q", "svg-id"], ids.ToArray());
        Assert.Equal(["/assets/site.css", "/app.js", "/x/?a=1&b=2#f%20g", "/i.png", "/svg-link/", "/frame/"], links);
        AssertSameAsParser(html);
    }

    [Fact]
    public void A_link_or_id_that_pages_repeat_is_read_as_one_string()
    {
        var first = HtmlLinks.Read("<a href=\"/life/\" id=\"fn:1\"></a>");
        var second = HtmlLinks.Read("<p><a id=\"fn:1\" href=\"/life/\"></a>");
        Assert.Same(first.Links[0], second.Links[0]);
        Assert.Same(first.Ids.Single(), second.Ids.Single());
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_replacement_characters()
    {
        byte[] page = [.. "<a href=\"/a"u8, 0xFF, 0xC3, .. "/\" id=\"\u00e9"u8, 0xE2, 0x82, .. "\"></a>"u8];
        var (ids, links) = HtmlLinks.Read(page);
        Assert.Equal(["/a\uFFFD\uFFFD/"], links);
        Assert.Equal(["\u00e9\uFFFD"], ids);
    }

    public static TheoryData<string> TrickyMarkup => new()
    {
        "<a href=/unquoted/ id=u1>x</a><A HREF=\"/Upper/\" ID=\"Up\">y</A><a href='/single/' name=n1></a><a " +
        "name=\"\"></a>",
        "<a href=\"/first/\" href=\"/second/\" id=a id=b></a><a href=\"/x/\"id=\"glued\"></a><a =x " +
        "href=\"/eq/\"></a><a href></a>",
        "<a href=\"/&amp;/&lt;x&gt;/&#65;&#x42;&#128;&#0;&#x110000;&#xD800;/&notin;/&noti/&not=/&ampx/&AMP\"></a><a " +
        "href=/unq&amp;x&gt>z</a>",
        "<a href=\"/&#;/&#x;/&#65\"></a><a href=\"/cr&#13;lf/\"></a><a href=\"/a\r\nb/\r/\"></a><a href=\" /spaced/ " +
        "\"></a>",
        "<!-- a --!> <a href=\"/after-bang/\"></a><!--> <a href=\"/after-empty/\"></a><!---> <a " +
        "href=\"/after-empty2/\"></a>",
        "<!-- <!-- nested --> <a href=\"/after-nested/\"></a><!-- a -- > still <a href=\"/in-comment/\"> --><a " +
        "href=\"/after/\"></a><!---- x ---><a id=c2></a>",
        "<!-- --!-> still <a href=\"/in-comment/\"> --->x<a href=\"/out/\"></a><!---!> <a href=\"/in-comment2/\"> " +
        "--><a id=c3></a>",
        "<? x <a href=\"/in-pi/\"> ?> <a href=\"/after-pi/\"></a></ a href=\"/bogus/\"><a href=/ok/></a></div " +
        "href=\"/end-tag-attr/\"></>",
        "<![CDATA[<a href=\"/not-cdata/\">]]><a href=/after-cdata/></a><!DOCTYPE html PUBLIC \"a>b\"><a " +
        "id=after-doctype></a>",
        "<script><!-- <script> </script> <a href=\"/in-script/\"> --></script><a href=\"/after-script/\"></a>",
        "<script><!--></script><a id=s1></a><script><!---></script><a id=s2></a><script><!-- <scripts> </script><a " +
        "id=s3></a>",
        "<script>a</SCRIPT ><a href=\"/after/\"></a><script type=x>b</scriptx></script/><a " +
        "id=s4></a><script/>c</script><a id=s5></a>",
        "<style>/*</styles>*/ <a href=\"/in/\"></style><a href=\"/out/\"></a><xmp><a id=no></xmp><noembed><a " +
        "id=no2></noembed><a id=s6></a>",
        "<textarea><a href=\"/x/\">&lt;</textarea><title/><a id=in-title></title><a id=t1></a><noframes><a " +
        "id=nf></noframes>",
        "<svg><style><a href=\"/in-svg-style/\"></a></style><title><a id=svg-title></a></title></svg><style><a " +
        "id=no3></style>",
        "<svg><![CDATA[<a href=\"/in-cdata/\">]]><p><style><a href=\"/after-breakout/\"></style><a id=s7></a>",
        "<math><mi><a href=\"/m/\"></a></mi></math><svg/><style><a id=no4></style><img/src=\"/slash/\"><img " +
        "src=\"/i.png\"/>",
        "<noscript><a href=\"/noscript/\"></a></noscript><iframe src=\"/f/\"><a href=\"/in-iframe/\"></iframe><video " +
        "src=/v.mp4><track src=/t.vtt></video>",
        "<a href = \"/spaces/\" ><area href=/area/><link href=/link/><source src=/source/><audio " +
        "src=/audio/></audio><div src=/no/ href=/no/></div>",
        "<a href=\"/x/\">x</a><a href=\"/unterminated/",
        "<a href=\"/x/\">x</a><a href=/unterminated/ id=u",
        "<a href=\"/x/\">x</a><plaintext><a href=\"/never/\"></plaintext><a id=never>",
    };

    [Theory]
    [MemberData(nameof(TrickyMarkup))]
    public void Tricky_markup_reads_the_same_as_with_a_full_parse(string html) => AssertSameAsParser(html);

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
            if (element.GetAttribute("href") is { } href
                && element.LocalName is "a" or "area" or "link") links.Add(href.Trim());
            if (element.GetAttribute("src") is { } src
                && element.LocalName is "img" or "script" or "source" or "audio" or "video" or "iframe" or "track")
                links.Add(src.Trim());
        }
        var read = HtmlLinks.Read(html);
        Assert.Equal(ids.Order(StringComparer.Ordinal), read.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(links.Order(StringComparer.Ordinal), read.Links.Order(StringComparer.Ordinal));
    }
}
