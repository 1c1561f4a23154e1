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
        // "A year of note" (1842) is a data event that names no page: told after every page, so after "Born".
        Assert.Equal(["Born", "A year of note", "Serves in Siberia", "Escapes", "Dies"],
            timeline.Texts(".event__title"));
        Assert.Equal(["1842-12-09", "1842", "1862", "1867", "1876-06", "1921-02-08"],
            timeline.QuerySelectorAll(".event time").Select(t => t.GetAttribute("datetime")!).ToArray());
        Assert.Equal(["9 December 1842", "1842", "1862", "June 1876", "8 February 1921"],
            timeline.Texts(".event time .visually-hidden"));
        Assert.Equal(["/life/early/#birth", "/life/early/", "/life/later/", "/life/later/"],
            timeline.Hrefs(".event__link"));
    }

    /// <summary>A page's source: its title, its order when given, and its events as (date, title).</summary>
    private static string PageWith(string title, int? order, params (string Date, string Title)[] events) =>
        $"---\ntitle: {title}\n" + (order is { } n ? $"order: {n}\n" : "") + "events:\n" +
        string.Concat(events.Select(e => $"  - {{date: \"{e.Date}\", title: {e.Title}}}\n")) + "---\n";

    [Fact]
    public void Each_year_is_shown_once_and_dates_within_it_without_the_year()
    {
        using var site = TestSite.Minimal();
        site.Write("a.md", PageWith("A", null,
            ("1872", "One"), ("1872-03", "Two"), ("1872-03-05", "Three"), ("1873", "Four")));
        site.BuildSuccessfully();
        var timeline = site.Page("timeline/index.html");
        Assert.Equal(["1872", "1873"], timeline.Texts(".event__year"));
        Assert.Equal(["March", "5 March"], timeline.Texts(".event time [aria-hidden]"));
    }

    /// <summary>A site with the events the timeline once showed out of order: a year-only event sorted before the
    /// events of that year with a month, and two events of one year ordered by their titles.</summary>
    private static TestSite StorySite()
    {
        var site = TestSite.Minimal();
        site.Write("life/index.md", "---\ntitle: Life\norder: 1\n---\n");
        site.Write("exile/index.md", "---\ntitle: Exile\norder: 2\n---\n");
        site.Write("life/escape.md", PageWith("Escape", 7, ("1876-06", "Escapes"), ("1876", "Reaches Switzerland")));
        site.Write("life/return.md", PageWith("Return", 8,
            ("1917-06", "Returns"), ("1917", "Turns down a cabinet seat"), ("1921-02-08", "Dies"),
                ("1921", "Funeral")));
        site.Write("exile/prison.md", PageWith("Prison", 1, ("1886", "Released from Clairvaux")));
        site.Write("exile/london.md", PageWith("London", 2, ("1886", "Co-founds Freedom")));
        return site;
    }

    [Fact]
    public void A_year_only_event_comes_after_the_events_of_its_year_told_before_it()
    {
        using var site = StorySite();
        site.BuildSuccessfully();
        Assert.Equal(
            ["Escapes", "Reaches Switzerland", "Released from Clairvaux", "Co-founds Freedom",
             "Returns", "Turns down a cabinet seat", "Dies", "Funeral"],
            site.Page("timeline/index.html").Texts(".event__title"));
    }

    [Fact]
    public void Events_of_one_date_follow_the_reading_order_of_their_pages_not_their_titles_or_files()
    {
        using var site = StorySite();
        // Exile's pages come after Life's whatever their own order; within Exile, by order: now London first.
        site.Write("exile/london.md", PageWith("London", 0, ("1886", "Co-founds Freedom")));
        site.Write("life/early.md", PageWith("Early", 1, ("1886", "Zzz a Life event")));
        site.BuildSuccessfully();
        var titles = site.Page("timeline/index.html").Texts(".event__title");
        Assert.Equal(["Zzz a Life event", "Co-founds Freedom", "Released from Clairvaux"],
            titles.Where(t => t.Contains("Zzz") || t.Contains("Freedom") || t.Contains("Clairvaux")).ToArray());
    }

    [Fact]
    public void A_page_that_tells_a_year_then_a_month_of_it_keeps_that_order_and_the_reverse_too()
    {
        using var site = TestSite.Minimal();
        site.Write("a.md", PageWith("A", 1, ("1880", "The year"), ("1880-05", "In May")));
        site.Write("b.md", PageWith("B", 2, ("1890-05", "Also in May"), ("1890", "That year")));
        site.BuildSuccessfully();
        Assert.Equal(["The year", "In May", "Also in May", "That year"],
            site.Page("timeline/index.html").Texts(".event__title"));
    }

    [Fact]
    public void Within_a_year_months_and_days_order_by_date_and_less_precise_dates_by_where_they_are_told()
    {
        using var site = TestSite.Minimal();
        site.Write("b.md", PageWith("B", null, ("1900-05-01", "Day"), ("1900", "Zebra year"), ("1900-05", "Month")));
        site.Write("a.md", PageWith("A", null, ("1900", "Aardvark year"), ("1899-12-31", "Eve")));
        site.BuildSuccessfully();
        // Pages A then B (by title): A's year comes first in 1900; B's year after the day told before it; its month
        // ("May 1900") told after the day, so after it too.
        Assert.Equal(["Eve", "Aardvark year", "Day", "Zebra year", "Month"],
            site.Page("timeline/index.html").Texts(".event__title"));
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
        site.Write("life/new.md",
            "---\ntitle: New\nevents:\n  - {date: \"1900\", title: Something new, place: London}\n---\n");
        site.BuildSuccessfully();
        var entry = site.Page("timeline/index.html").QuerySelectorAll(".event")
            .Single(e => e.TextContent.Contains("Something new"));
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
        site.Write("_site.yml",
            "title: T\ntimeline_periods:\n  - {title: Youth, start: \"1842\", end: \"1875\"}\n  - {title: Exile, " +
            "start: \"1876\", end: \"1921\"}\n");
        site.BuildSuccessfully();
        var timeline = site.Page("timeline/index.html");
        Assert.Equal(["Youth 1842–1875", "Exile 1876–1921"], timeline.Texts(".period h2"));
        Assert.Equal(3, timeline.QuerySelectorAll("section[aria-labelledby=period-youth] .event").Length);
        Assert.Equal(2, timeline.QuerySelectorAll("section[aria-labelledby=period-exile] .event").Length);
        Assert.Equal(["#period-youth", "#period-exile"], timeline.Hrefs(".strip svg a"));
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
                $"  - date: \"{1800 + (i * 4 + j) % 120}-{1 + j % 12:D2}\"\n    title: Event {i}-{j}\n    place: " +
                $"Place {j}\n"));
            site.Write($"works/w{i:D3}.md",
                $"---\ntitle: Work {i:D3}\nyear: {1800 + i % 120}\nkind: " +
                $"{(i % 3 == 0 ? "pamphlet" : "book")}\nevents:\n{events}---\nText.");
        }
        site.BuildSuccessfully();
        Assert.Equal(200, site.Page("works/index.html").QuerySelectorAll(".work-item").Length);
        var timeline = site.Page("timeline/index.html");
        Assert.Equal(800, timeline.QuerySelectorAll(".event").Length);
        Assert.Equal(800, timeline.QuerySelectorAll(".event").Select(e => e.Id).Distinct().Count());
        var dates = timeline.QuerySelectorAll(".event time:first-child")
            .Select(t => t.GetAttribute("datetime")!).ToArray();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }
}
