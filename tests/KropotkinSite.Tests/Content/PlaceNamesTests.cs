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
}
