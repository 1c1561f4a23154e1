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

    [Fact]
    public void White_space_of_any_kind_and_length_becomes_one_space_inside_a_block_and_none_at_its_ends()
    {
        var text = PageTextReader.Read(
            "<main><p> \n Mutual\t\t&nbsp; aid&#8199;of\u3000the &amp;\r\n Commune &nbsp;</p></main>"u8);
        Assert.Equal([new TextBlock(false, "Mutual aid of the & Commune")], text.Blocks);
    }

    [Fact]
    public void A_page_read_as_utf8_gives_a_long_block_whole()
    {
        var words = string.Join(" ", Enumerable.Range(0, 3000).Select(i => "Zürich" + i));
        var page = System.Text.Encoding.UTF8.GetBytes($"<main><h1>Tête</h1><p>{words}</p></main>");
        var text = PageTextReader.Read(page);
        Assert.Equal("Tête", text.Title);
        Assert.Equal([new TextBlock(false, words)], text.Blocks);
    }

    [Theory]
    [InlineData("<main><P>One</P><DIV>Two</DIV><NAV>not this</NAV></main>", "One|Two")]
    [InlineData("<main><p title=\"a > b\" data-x='c>d'>Text</p></main>", "Text")]
    [InlineData("<main><p>a  b   c </p><p> d\t\te\n f</p></main>", "a b c|d e f")]
    [InlineData("<main><p>1 < 2 &lt; 3 &unknown; & <3</p></main>", "1 < 2 < 3 &unknown; & <3")]
    [InlineData("<main><div data-search-ignore><div>x</div>y</div>z<br data-search-ignore/>w</main>", "z w")]
    [InlineData("<main><p>Kro<em>pot</em>kin<sup>2</sup>, caf\u00e9&nbsp;&eacute;t\u00e9</p></main>",
        "Kropotkin 2 , café été")]
    [InlineData("<main><a-custom-element-longer-than-sixteen>x</a-custom-element-longer-than-sixteen>y</main>", "x|y")]
    [InlineData("<main>before<!-- <p>not</p> -->after<hr>next</main>", "beforeafter|next")]
    public void Blocks_split_where_block_elements_start_or_end_and_white_space_collapses(string html, string blocks) =>
        Assert.Equal(blocks, string.Join("|", PageTextReader.Read(html).Blocks.Select(b => b.Text)));

    [Fact]
    public void Only_the_first_h1_is_the_title_and_other_headings_are_heading_blocks()
    {
        var text = PageTextReader.Read("<main><H1>First</H1><p>Body</p><h1>Second</h1><h3>Third</h3></main>");
        Assert.Equal("First", text.Title);
        Assert.Equal([new TextBlock(false, "Body"), new TextBlock(true, "Second"), new TextBlock(true, "Third")],
            text.Blocks);
    }
}
