using KropotkinSite.Content;
using static KropotkinSite.Tests.Content.SiteIndexTests;

namespace KropotkinSite.Tests.Content;

public sealed class PageBacklinksTests
{
    [Fact]
    public void Backlinks_are_by_title_and_grouped_by_section_in_navigation_order_with_top_level_pages_last()
    {
        var headings = new[] { new SectionHeading("life", "Life", 1), new SectionHeading("exile", "In exile", 0) };
        var backlinks = PageBacklinks.Of(
            [Entry("/life/z/", "Zeta"), Entry("/about/", "About"), Entry("/life/b/", "beta"),
                Entry("/exile/m/", "Mu")],
            headings);
        Assert.Equal(["About", "beta", "Mu", "Zeta"], backlinks.Pages.Select(p => p.Title));
        Assert.Equal([("In exile", "Mu"), ("Life", "beta,Zeta"), ("Other pages", "About")],
            backlinks.Sections.Select(s => (s.Title, string.Join(",", s.Pages.Select(p => p.Title)))));
    }

    [Fact]
    public void A_section_without_a_heading_is_named_after_itself_after_the_navigation()
    {
        var backlinks = PageBacklinks.Of([Entry("/misc/a/", "A"), Entry("/life/b/", "B")],
            [new SectionHeading("life", "Life", 3)]);
        Assert.Equal(["Life", "misc"], backlinks.Sections.Select(s => s.Title));
        Assert.Same(PageBacklinks.None, PageBacklinks.Of([], []));
    }
}
