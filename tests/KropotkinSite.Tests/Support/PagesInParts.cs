using System.Text;
using KropotkinSite.Theme;

namespace KropotkinSite.Tests.Support;

/// <summary>Pages made of random pieces of HTML, some of them parts laid out on their own, for checking that reading
/// a page with its parts read apart gives what reading it whole does. The pieces cut through tags, comments, raw text,
/// foreign content, entities, headings and skipped elements, where a part's reading must not be taken.</summary>
public static class PagesInParts
{
    private static readonly string[] Pieces =
    [
        "<li class=\"event\" id=\"e1\"><a href=\"/life/\">Life</a></li>\n", "<p>text", "</p>", "<h1>Title</h1>",
        "<h1 id=\"t2\">Second</h1>", "<h2>Sub", "</h2>", "<!-- c", " -->", "<script>x", "</script>",
        "<svg><a href=\"/s/\">", "</svg>", "<nav><a href=\"/n/\">", "</nav>", "&am", "p; x", "&nbsp;", "  \n",
        "<a href=\"/x/#f\" id=\"i\">", "</a>", "<div data-search-ignore>", "</div>", "<main>", "</main>",
        "<textarea>", "</textarea>", "<img src=/p.png>", "<p id='q", "'>", "<title>", "</title>", "é ",
        "<br>", "<![CDATA[", "]]>", "<", "a>", "<ol class=\"events\">\n", "</ol>\n", "<span>in</span>", "word ",
        "<li><h2 id=\"y\">1871</h2><p>Paris <em>commune</em></p></li>", "<math>", "</math>", "<b>", "<p>",
    ];

    /// <summary>A page's bytes and its parts (every run of one to three pieces may be a part).</summary>
    public static (byte[] Page, PlacedPart[] Parts) Make(Random random)
    {
        var page = new List<byte>();
        var parts = new List<PlacedPart>();
        var count = random.Next(1, 14);
        for (var i = 0; i < count; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => Pieces[random.Next(Pieces.Length)]));
            var bytes = Encoding.UTF8.GetBytes(text);
            if (random.Next(2) == 0) parts.Add(new PlacedPart(page.Count, bytes));
            page.AddRange(bytes);
        }
        return ([.. page], [.. parts]);
    }
}
