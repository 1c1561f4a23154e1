using KropotkinSite.Content;

namespace KropotkinSite.Tests.Content;

public sealed class PlacesBuilderTests
{
    private static TimelineEvent E(string date, string? end = null, params string[] places)
    {
        PartialDate.TryParse(date, out var start, out _);
        PartialDate? finish = end is null ? null : PartialDate.TryParse(end, out var f, out _) ? f : null;
        return new TimelineEvent(start, finish, "e" + date,
            new ValueList<EventPlace>(places.Select(p => new EventPlace(p, SourcePosition.Start)).ToArray()),
            null, "f.md", SourcePosition.Start);
    }

    private static PlaceRegister Register(params RegisteredPlace[] places) =>
        new("places.yml", places, places.Select(p => p.Name).ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void The_years_of_a_place_join_spans_that_meet_or_overlap_and_keep_gaps() =>
        Assert.Equal("1862–1868, 1876, 1886–1917",
            PlacesBuilder.Years([E("1917"), E("1862", "1867"), E("1868-05"), E("1876"), E("1886", "1916")]));

    [Fact]
    public void Places_are_numbered_in_the_order_he_first_came_there_and_an_event_in_two_places_is_under_both()
    {
        var view = PlacesBuilder.Build([E("1842", null, "Moscow"), E("1886", null, "London", "Paris"),
            E("1917", null, "Moscow")], null, i => "#t" + i, _ => null);
        Assert.Equal(["1 Moscow 1842, 1917", "2 London 1886", "3 Paris 1886"],
            view.Places.Select(p => $"{p.Number} {p.Name} {p.Years}").ToArray());
        Assert.Equal(["#t1"], view.Places[2].Events.Select(e => e.TimelineHref).ToArray());
        Assert.Null(view.Map);
    }

    [Fact]
    public void Visits_are_the_places_in_the_order_first_named_each_with_the_events_that_name_it()
    {
        var events = new[] { E("1842", null, "Moscow"), E("1886", null, "London", "Moscow"), E("1917", null, "Paris") };
        var visits = PlacesBuilder.Visits([.. events.Select(e => (IReadOnlyList<EventPlace>)e.Places)]);
        Assert.Equal(["Moscow 0,1", "London 1", "Paris 2"],
            visits.Select(v => v.Name + " " + string.Join(",", v.Events)));
    }
}
