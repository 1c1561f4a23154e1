using KropotkinSite.Content;

namespace KropotkinSite.Tests.Content;

public sealed class PlaceNamesTests
{
    private static readonly string[] Register = ["Chita", "Clairvaux Prison", "Harrow", "London", "Moscow", "Paris"];

    [Theory]
    [InlineData("Clairveaux", "Clairvaux Prison")]
    [InlineData("Harrow, London", "Harrow")]
    [InlineData("london", "London")]
    [InlineData("Moskva", "Moscow")]
    [InlineData("Pariss", "Paris")]
    public void The_hint_names_the_registered_place_closest_to_a_misspelt_one(string written, string expected) =>
        Assert.Equal(expected, PlaceNames.Closest(written, Register));

    [Fact]
    public void An_empty_register_gives_no_hint() => Assert.Null(PlaceNames.Closest("London", []));

    [Fact]
    public void A_tie_goes_to_the_first_name_in_ordinal_order_whatever_order_the_register_lists_them() =>
        Assert.Equal("Bat", PlaceNames.Closest("Cat", ["Hat", "Bat", "Mat"]));

    [Theory]
    [InlineData(new[] { "London" }, "London")]
    [InlineData(new[] { "London", "Paris" }, "London and Paris")]
    [InlineData(new[] { "Geneva", "Zurich", "Neuchâtel" }, "Geneva, Zurich and Neuchâtel")]
    public void Several_places_are_joined_as_a_reader_says_them(string[] names, string expected) =>
        Assert.Equal(expected, PlaceNames.Join(names));

    [Fact]
    public void The_years_of_a_place_join_spans_that_meet_or_overlap_and_keep_gaps()
    {
        TimelineEvent E(string date, string? end = null)
        {
            PartialDate.TryParse(date, out var start, out _);
            PartialDate? finish = end is null ? null : PartialDate.TryParse(end, out var f, out _) ? f : null;
            return new TimelineEvent(start, finish, "e", ValueList<EventPlace>.Empty, null, "f.md", SourcePosition.Start);
        }
        Assert.Equal("1862–1868, 1876, 1886–1917", PlacesBuilder.Years([E("1917"), E("1862", "1867"), E("1868-05"), E("1876"), E("1886", "1916")]));
    }
}
