using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// Markup in any value of the front matter, the settings or the data files is text wherever the site emits it:
/// HTML text and attributes, JSON-LD, the sitemap, the web manifest, the timeline and the works index. Liquid in
/// a value is never evaluated. Only the author's Markdown body may bring its own HTML.
/// </summary>
public sealed class EscapingTests
{
    public static TheoryData<string> Payloads => new()
    {
        "</script><script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)><x>",
        "]]><!-- --></title></textarea><iframe src=javascript:alert(1)>",
        "{{ site.title }}{% include 'header' %}{{ 'x' | append: 'y' }}",
        "&lt;already escaped&gt; &amp; \\u003C/script> </SCRIPT >",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Markup_in_any_value_is_text_everywhere_the_site_emits_it(string payload)
    {
        using var site = SiteWithPayloadInEveryValue(payload);
        site.BuildSuccessfully();
        string V(string field) => $"{field}:{payload}";

        var pages = Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length >= 9);
        foreach (var file in pages)
            AssertNoMarkupFromValues(Path.GetRelativePath(site.Output, file), Parse(File.ReadAllText(file)));

        var early = Parse(site.ReadOutput("life/early/index.html"));
        Assert.Equal(V("page title"), Text(early.QuerySelector("main h1")));
        Assert.Equal($"{V("page title")} · {V("site title")}", early.Title);
        Assert.Equal(V("page description"), early.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal(V("page description"),
            early.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.Contains(V("event title"), Text(early.QuerySelector(".page-events")));
        Assert.Contains(V("event place"), Text(early.QuerySelector(".page-events")));
        Assert.NotNull(early.QuerySelector("main span.author-raw")); // the author's own HTML is kept
        Assert.Contains(V("site title"), Text(early.QuerySelector(".site-title")));
        Assert.Contains(V("licence"), Text(early.QuerySelector(".site-footer")));
        Assert.Contains(V("section title"), early.QuerySelectorAll(".site-nav a").Select(Text));

        var work = Parse(site.ReadOutput("works/the-work/index.html"));
        var book = JsonLd(work);
        Assert.Equal(V("work title"), book.GetProperty("name").GetString());
        Assert.Equal(V("original title"), book.GetProperty("alternateName").GetString());
        Assert.Equal(V("publisher"), book.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal(V("subject name"), book.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(V("e-text source"), Text(work.QuerySelector(".etexts a")));
        Assert.Equal("https://example.org/read?q=" + Uri.EscapeDataString(payload),
            work.QuerySelector(".etexts a")!.GetAttribute("href"));

        var home = Parse(site.ReadOutput("index.html"));
        var person = JsonLd(home);
        Assert.Equal(V("subject name"), person.GetProperty("name").GetString());
        Assert.Equal(V("birth place"), person.GetProperty("birthPlace").GetProperty("name").GetString());
        Assert.Equal(V("subject description"), person.GetProperty("description").GetString());

        var works = Parse(site.ReadOutput("works/index.html"));
        Assert.Contains(V("work title"), works.QuerySelectorAll(".works-list cite").Select(Text));
        Assert.Equal(V("work title"), JsonLd(works).GetProperty("itemListElement")[0].GetProperty("name").GetString());

        var timeline = Parse(site.ReadOutput("timeline/index.html"));
        var titles = timeline.QuerySelectorAll(".event__title").Select(Text).ToArray();
        Assert.Contains(V("event title"), titles);
        Assert.Contains(V("data event title"), titles);
        Assert.Contains(V("period title"), timeline.QuerySelectorAll("h2").Select(Text).Select(t => t.Split(" 18")[0]));
        Assert.Contains(V("period summary"), timeline.QuerySelectorAll(".period__summary").Select(Text));

        var reading = Parse(site.ReadOutput("further-reading/index.html"));
        Assert.Contains(V("data title"), reading.QuerySelectorAll(".bibliography cite").Select(Text));
        Assert.Equal(V("data language"), reading.QuerySelector(".bibliography cite")!.GetAttribute("lang"));

        var manifest = JsonDocument.Parse(site.ReadOutput("site.webmanifest")).RootElement;
        Assert.Equal(V("site title"), manifest.GetProperty("name").GetString());
        Assert.Equal(V("site description"), manifest.GetProperty("description").GetString());

        var sitemap = XDocument.Parse(site.ReadOutput("sitemap.xml"));
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToArray();
        Assert.All(locations, loc => Assert.StartsWith("https://example.org/k/", loc));
        Assert.Contains("https://example.org/k/life/fish&chips'/", locations);
    }

    [Fact]
    public void A_page_whose_file_name_has_spaces_and_brackets_is_linked_with_them_percent_encoded()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("life/my page [notes].md", "---\ntitle: Notes\norder: 4\n---\nSee [the early years](/life/early/).");
        site.BuildSuccessfully();

        Assert.True(File.Exists(Path.Combine(site.Output, "life", "my page [notes]", "index.html")));
        Assert.Contains("/life/my%20page%20%5Bnotes%5D/", site.Page("life/index.html").Hrefs("main a"));
        Assert.Equal("/life/my%20page%20%5Bnotes%5D/",
            site.Page("life/later/index.html").Hrefs("a[rel=next]").Single());
    }

    [Fact]
    public void Liquid_in_a_value_is_shown_as_written_and_never_evaluated()
    {
        using var site = SiteWithPayloadInEveryValue("{{ site.title }}");
        site.BuildSuccessfully();
        var early = Parse(site.ReadOutput("life/early/index.html"));
        Assert.Equal("page title:{{ site.title }}", Text(early.QuerySelector("main h1")));
        Assert.DoesNotContain("page title:site title:", site.ReadOutput("life/early/index.html"));
    }

    /// <summary>
    /// No element or attribute the payloads would create exists anywhere in the page: the only elements with
    /// such names come from the theme or the author's Markdown, which these sites write without them.
    /// </summary>
    private static void AssertNoMarkupFromValues(string page, IDocument document)
    {
        foreach (var element in document.All)
        {
            Assert.False(element.LocalName is "img" or "x" or "iframe" or "textarea",
                $"{page}: a <{element.LocalName}> element came from a value");
            Assert.False(element.LocalName == "svg"
                && element.HasAttribute("onload"), $"{page}: an <svg onload> came from a value");
            foreach (var attribute in element.Attributes)
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"{page}: <{element.LocalName} {attribute.Name}> came from a value");
            if (element.LocalName == "script" && element.HasAttribute("src"))
            {
                // The theme's one external script, the search page's: no value makes one.
                Assert.Equal("search/index.html", page);
                Assert.Matches("^/assets/search\\.[0-9a-f]{10}\\.js$", element.GetAttribute("src"));
                Assert.Equal("", element.TextContent);
            }
            else if (element.LocalName == "script")
            {
                Assert.Equal("application/ld+json", element.GetAttribute("type"));
                Assert.DoesNotContain("</", element.TextContent, StringComparison.Ordinal);
                JsonDocument.Parse(element.TextContent).Dispose(); // whole, valid JSON
            }
        }
        Assert.DoesNotContain(document.Descendants<IComment>(), c => c.Data.Trim().Length == 0);
        Assert.Single(document.QuerySelectorAll("title"));
    }

    private static TestSite SiteWithPayloadInEveryValue(string payload)
    {
        string Q(string field) =>
            JsonSerializer.Serialize($"{field}:{payload}"); // a JSON string is a YAML double-quoted scalar
        var site = TestSite.Empty();
        site.Write("_site.yml", $"""
            title: {Q("site title")}
            description: {Q("site description")}
            author: {Q("author")}
            license: {Q("licence")}
            base_url: https://example.org/k/
            subject:
              name: {Q("subject name")}
              alternate_name: {Q("alternate name")}
              birth_date: "1842-12-09"
              birth_place: {Q("birth place")}
              death_date: "1921-02-08"
              death_place: {Q("death place")}
              description: {Q("subject description")}
            timeline_periods:
              - title: {Q("period title")}
                start: "1842"
                end: "1921"
                summary: {Q("period summary")}
            """);
        site.Write("index.md", "---\ntitle: Home\n---\nSee [the early years](/life/early/).\n");
        site.Write("life/index.md",
            $"---\ntitle: {Q("section title")}\ndescription: {Q("section description")}\norder: 1\n---\nThe life.\n");
        site.Write("life/early.md", $"""
            ---
            title: {Q("page title")}
            description: {Q("page description")}
            order: 1
            events:
              - date: "1842-12-09"
                title: {Q("event title")}
                place: {Q("event place")}
            ---
            Text with <span class="author-raw">the author's own HTML</span>, which Markdown allows.

            ## Childhood
            """);
        site.Write("life/fish&chips'.md",
            $"---\ntitle: {Q("odd name title")}\norder: 2\n---\nA page whose file name needs escaping in XML.\n");
        site.Write("works/the-work.md", $"""
            ---
            title: {Q("work title")}
            year: 1892
            kind: book
            original_title: {Q("original title")}
            language: fr
            place: {Q("work place")}
            publisher: {Q("publisher")}
            etexts:
              - source: {Q("e-text source")}
                url: {JsonSerializer.Serialize("https://example.org/read?q=" + Uri.EscapeDataString(payload))}
            ---
            A book.
            """);
        site.Write("_data/timeline.yml",
            $"- date: \"1900\"\n  title: {Q("data event title")}\n  place: {Q("data event place")}\n");
        site.Write("_data/further_reading.yml",
            $"books:\n  - authors: {Q("data authors")}\n    title: {Q("data title")}\n    publisher: " +
            $"{Q("data publisher")}\n    language: {Q("data language")}\n");
        site.Write("further-reading.md", "---\ntitle: Further reading\nlayout: further-reading\n---\nBooks.\n");
        return site;
    }

    private static readonly HtmlParser Parser = new();

    private static IDocument Parse(string html) => Parser.ParseDocument(html);

    private static string Text(IElement? element) =>
        element is null ? "" : string.Join(' ',
            element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static JsonElement JsonLd(IDocument document) =>
        JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
}
