using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

public sealed class PageTextReaderTests
{
    [Fact]
    public void Reads_the_title_headings_and_body_of_main_without_navigation_forms_or_what_is_marked_to_ignore()
    {
        const string html = """
            <!doctype html><html><head><title>Not this</title></head><body>
            <header><a href="/">Site title</a><nav><a href="/life/">Life</a></nav>
            <form role="search"><input name="q"><button>Search</button></form></header>
            <main id="main"><nav class="breadcrumbs"><a href="/">Home</a></nav>
            <article><h1><cite>La Conquête</cite> du pain</h1>
            <dl><dt>First published</dt><dd>1892, Paris</dd></dl>
            <p>Bread for <em>all</em>, &amp; well-being.<sup><a href="#fn1">1</a></sup></p>
            <h2 id="x">The commune</h2><p>Second<br>paragraph.</p>
            <!-- a comment <p>hidden</p> -->
            <script>var x = "<p>no</p>";</script>
            <aside data-search-ignore><h2>Mentioned on</h2><ul><li>Other page</li></ul></aside>
            </article></main>
            <footer>Footer text</footer></body></html>
            """;
        var text = PageTextReader.Read(html);
        Assert.Equal("La Conquête du pain", text.Title);
        Assert.Equal(
        [
            new TextBlock(false, "First published"), new TextBlock(false, "1892, Paris"),
            new TextBlock(false, "Bread for all, & well-being. 1"), new TextBlock(true, "The commune"),
            new TextBlock(false, "Second paragraph."),
        ], text.Blocks);
    }

    [Fact]
    public void A_page_without_main_is_read_whole()
    {
        var text = PageTextReader.Read("<h1>Title</h1><p>Body</p>");
        Assert.Equal("Title", text.Title);
        Assert.Equal([new TextBlock(false, "Body")], text.Blocks);
    }
}
