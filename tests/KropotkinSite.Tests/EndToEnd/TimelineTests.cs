using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

public sealed class TimelineTests
{
    [Fact]
    public void Every_event_appears_exactly_once_in_date_order_with_its_time_element_and_link()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        var timeline = site.Page("timeline/index.html");
        Assert.Equal(["A year of note", "Born", "Serves in Siberia", "Escapes", "Dies"], timeline.Texts(".event__title"));
        Assert.Equal(["1842", "1842-12-09", "1862", "1867", "1876-06", "1921-02-08"],
            timeline.QuerySelectorAll(".event time").Select(t => t.GetAttribute("datetime")!).ToArray());
        Assert.Equal(["1842", "9 December 1842", "1862", "1867", "June 1876", "8 February 1921"], timeline.Texts(".event time"));
        Assert.Equal(["/life/early/#birth", "/life/early/", "/life/later/", "/life/later/"], timeline.Hrefs(".event__link"));
    }

    [Fact]
    public void A_year_sorts_before_months_and_days_of_that_year_and_ties_order_by_title()
    {
        using var site = TestSite.Minimal();
        site.Write("b.md", "---\ntitle: B\nevents:\n  - {date: \"1900-05-01\", title: Day}\n  - {date: \"1900\", title: Zebra year}\n  - {date: \"1900-05\", title: Month}\n---\n");
        site.Write("a.md", "---\ntitle: A\nevents:\n  - {date: \"1900\", title: Aardvark year}\n  - {date: \"1899-12-31\", title: Eve}\n---\n");
        site.BuildSuccessfully();
        Assert.Equal(["Eve", "Aardvark year", "Zebra year", "Month", "Day"], site.Page("timeline/index.html").Texts(".event__title"));
    }

    [Fact]
    public void Identical_events_on_two_pages_order_stably_by_the_file_that_declares_them()
    {
        using var site = TestSite.Minimal();
        site.Write("z.md", "---\ntitle: Zed\nevents:\n  - {date: \"1900\", title: Same}\n---\n");
        site.Write("a.md", "---\ntitle: Ay\nevents:\n  - {date: \"1900\", title: Same}\n---\n");
        site.BuildSuccessfully();
        var timeline = site.Page("timeline/index.html");
        Assert.Equal(["/a/", "/z/"], timeline.Hrefs(".event__link"));
        var ids = timeline.QuerySelectorAll(".event").Select(e => e.Id).ToArray();
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public void A_new_event_file_appears_after_the_next_build()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        site.Write("life/new.md", "---\ntitle: New\nevents:\n  - {date: \"1900\", title: Something new, place: London}\n---\n");
        site.BuildSuccessfully();
        var entry = site.Page("timeline/index.html").QuerySelectorAll(".event").Single(e => e.TextContent.Contains("Something new"));
        Assert.Contains("London", entry.QuerySelector(".event__place")!.TextContent);
    }

    [Fact]
    public void Pages_that_declare_events_link_to_their_place_on_the_timeline()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        var timeline = site.Page("timeline/index.html");
        var links = site.Page("life/early/index.html").Hrefs(".page-events a");
        Assert.Equal(2, links.Length);
        foreach (var link in links)
        {
            Assert.StartsWith("/timeline/#", link);
            Assert.NotNull(timeline.GetElementById(link["/timeline/#".Length..]));
        }
    }

    [Fact]
    public void Events_are_grouped_by_the_periods_of_the_site_settings_with_a_strip_overview()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("_site.yml", "title: T\ntimeline_periods:\n  - {title: Youth, start: \"1842\", end: \"1875\"}\n  - {title: Exile, start: \"1876\", end: \"1921\"}\n");
        site.BuildSuccessfully();
        var timeline = site.Page("timeline/index.html");
        Assert.Equal(["Youth 1842–1875", "Exile 1876–1921"], timeline.Texts(".period h2"));
        Assert.Equal(3, timeline.QuerySelectorAll("#period-youth ~ ol .event").Length);
        Assert.Equal(2, timeline.QuerySelectorAll("#period-exile ~ ol .event").Length);
        Assert.Equal(2, timeline.QuerySelectorAll(".strip rect.band").Length);
        Assert.Equal(5, timeline.QuerySelectorAll(".strip rect.tick").Length);
        Assert.Contains("Chita", timeline.Texts(".legend__places")[0]);
    }

    [Fact]
    public void A_site_without_events_still_has_a_timeline_that_says_so()
    {
        using var site = TestSite.Minimal();
        site.BuildSuccessfully();
        Assert.Single(site.Page("timeline/index.html").QuerySelectorAll(".empty"));
    }

    [Fact]
    public void A_large_site_of_200_works_and_800_events_renders_both_generated_pages()
    {
        using var site = TestSite.Minimal();
        for (var i = 0; i < 200; i++)
        {
            var events = string.Concat(Enumerable.Range(0, 4).Select(j =>
                $"  - date: \"{1800 + (i * 4 + j) % 120}-{1 + j % 12:D2}\"\n    title: Event {i}-{j}\n    place: Place {j}\n"));
            site.Write($"works/w{i:D3}.md", $"---\ntitle: Work {i:D3}\nyear: {1800 + i % 120}\nkind: {(i % 3 == 0 ? "pamphlet" : "book")}\nevents:\n{events}---\nText.");
        }
        site.BuildSuccessfully();
        Assert.Equal(200, site.Page("works/index.html").QuerySelectorAll(".work-item").Length);
        var timeline = site.Page("timeline/index.html");
        Assert.Equal(800, timeline.QuerySelectorAll(".event").Length);
        Assert.Equal(800, timeline.QuerySelectorAll(".event").Select(e => e.Id).Distinct().Count());
        var dates = timeline.QuerySelectorAll(".event time:first-child").Select(t => t.GetAttribute("datetime")!).ToArray();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }
}
