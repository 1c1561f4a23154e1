using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Theme;

/// <summary>A layout's <c>content</c> (and <c>page.content</c>) is the HTML it is given, whatever the layout does
/// with it: written as it is, encoded, measured, searched or changed by a filter, in a page's layout and in the layout
/// it nests in.</summary>
public sealed class LayoutContentTests
{
    private const string Html = "<p>Some <em>émphasis</em> and a pair \U0001F600.</p>\n";
    private const string Escaped = "&lt;p&gt;Some &lt;em&gt;émphasis&lt;/em&gt; and a pair &#x1F600;.&lt;/p&gt;&#xA;";

    [Fact]
    public void A_layout_reads_its_content_as_the_html_it_was_given_in_every_use()
    {
        using var site = TestSite.Minimal();
        site.Write("page.md", "---\ntitle: Page\n---\nSome *émphasis* and a pair \U0001F600.\n");
        site.Write("layouts/base.liquid",
            "<!DOCTYPE html><html lang=\"en\"><head><title>{{ page.title }}</title></head><body>" +
            "{{ content | raw }}<p id=\"outer-size\">{{ content | size }}</p></body></html>\n");
        site.Write("layouts/page.liquid", "---\nlayout: base\n---\n" +
            "<article>{{ content | raw }}</article>" +
            "<p id=\"size\">{{ content | size }}</p>" +
            "<div id=\"escaped\">{{ content }}</div>" +
            "{% if content contains '<em>' %}<p id=\"contains\">yes</p>{% endif %}" +
            "{% if content != '' %}<p id=\"not-empty\">yes</p>{% endif %}" +
            "<div id=\"upcase\">{{ content | upcase | raw }}</div>" +
            "<div id=\"page\">{{ page.content | raw }}</div>");

        site.BuildSuccessfully();

        var inner = $"<article>{Html}</article>" +
            $"<p id=\"size\">{Html.Length}</p>" +
            $"<div id=\"escaped\">{Escaped}</div>" +
            "<p id=\"contains\">yes</p><p id=\"not-empty\">yes</p>" +
            $"<div id=\"upcase\">{Html.ToUpperInvariant()}</div>" +
            $"<div id=\"page\">{Html}</div>";
        Assert.Equal("<!DOCTYPE html><html lang=\"en\"><head><title>Page</title></head><body>" +
            $"{inner}<p id=\"outer-size\">{inner.Length}</p></body></html>\n", site.ReadOutput("page/index.html"));
    }
}
