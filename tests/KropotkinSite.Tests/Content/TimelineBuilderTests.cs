using KropotkinSite.Content;

namespace KropotkinSite.Tests.Content;

public sealed class TimelineBuilderTests
{
    private static TimelineEntry Entry(int year, int? endYear = null, string title = "Event") =>
        new("e" + year, new TimelineEvent(new PartialDate(year, null, null),
            endYear is { } end ? new PartialDate(end, null, null) : null, title + " " + year,
            ValueList<EventPlace>.Empty, null, "f.md", SourcePosition.Start), null, []);

    private static TimelinePeriod Period(string title, int start, int end) =>
        new(title, new PartialDate(start, null, null), new PartialDate(end, null, null), null);

    [Fact]
    public void The_strip_spans_the_events_and_their_ends_and_the_periods()
    {
        Assert.Equal((1850, 1890), TimelineBuilder.Bounds([Entry(1850), Entry(1870, 1890)], []));
        Assert.Equal((1842, 1921), TimelineBuilder.Bounds([Entry(1850)], [Period("Life", 1842, 1921)]));
        Assert.Equal((0, 0), TimelineBuilder.Bounds([], [Period("Life", 1842, 1921)]));
    }

    [Fact]
    public void An_event_goes_to_the_last_period_begun_by_its_date_and_one_before_all_to_the_first()
    {
        var buckets = TimelineBuilder.Buckets([Entry(1840), Entry(1860), Entry(1880), Entry(1881)],
            [Period("Youth", 1842, 1870), Period("Exile", 1876, 1917), Period("Return", 1917, 1921)]);
        Assert.Equal(["period-youth 1840,1860", "period-exile 1880,1881", "period-return "],
            buckets.Select(b => b.Head.Id + " " + string.Join(",", b.Entries.Select(e => e.Event.Date.Year))));
        Assert.Equal((1876, 1917), (buckets[1].Head.From, buckets[1].Head.To));
    }

    [Fact]
    public void Without_periods_events_are_grouped_by_decade()
    {
        var buckets = TimelineBuilder.Buckets([Entry(1861), Entry(1869), Entry(1870)], []);
        Assert.Equal([("decade-1860", "1860s", 2), ("decade-1870", "1870s", 1)],
            buckets.Select(b => (b.Head.Id, b.Head.Title, b.Entries.Length)));
    }

    [Fact]
    public void A_tick_stands_where_its_date_falls_on_the_strip_and_names_the_event()
    {
        var tick = TimelineBuilder.Tick(Entry(1870), 1860, 1879);
        Assert.Equal(new StripTick(52.5, "1870: Event 1870", "e1870"), tick);
    }

    [Fact]
    public void Built_from_its_pieces_the_timeline_has_a_band_per_group_and_a_tick_per_event()
    {
        var view = TimelineBuilder.Build([Entry(1861), Entry(1875, 1880)], []);
        Assert.Equal(["1860s", "1870s"], view.Bands.Select(b => b.Title));
        Assert.Equal(2, view.Ticks.Count);
        Assert.Equal((1861, 1880, 2), (view.FirstYear, view.LastYear, view.EventCount));
        Assert.True(TimelineBuilder.Build([], []).IsEmpty);
    }

    [Fact]
    public void A_retitled_page_leaves_the_strip_as_it_was()
    {
        TimelineEntry Told(int year, string pageTitle)
        {
            var entry = Entry(year);
            return entry with { Event = entry.Event with { PageUrl = "/life/a/", PageTitle = pageTitle } };
        }

        var before = TimelineBuilder.Build([Told(1861, "Before"), Entry(1875, 1880)], []);
        var after = TimelineBuilder.Build([Told(1861, "After"), Entry(1875, 1880)], []);

        Assert.NotEqual(before.Groups[0].Years[0].Entries[0], after.Groups[0].Years[0].Entries[0]);
        Assert.Equal(Shown(before.Strip), Shown(after.Strip));
    }

    /// <summary>All a strip shows, as text: two strips that show the same give the same.</summary>
    private static string Shown(TimelineStrip strip) => string.Join("\n",
    [
        .. strip.Bands.Select(b =>
            $"{b.Title} {b.Span} {b.GroupId} {b.Left} {b.Width} {b.Index} {string.Join(",", b.Places)} {b.EventCount}"),
        .. strip.Ticks.Select(t => $"{t.Left} {t.Label} {t.EntryId}"),
        .. strip.Marks.Select(m => $"{m.Year} {m.Left}"),
        $"{string.Join(",", strip.AxisYears)} {strip.FirstYear} {strip.LastYear} {strip.EventCount} {strip.GroupCount}",
    ]);
}
