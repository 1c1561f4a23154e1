using KropotkinSite.Maps;

namespace KropotkinSite.Tests.Maps;

public sealed class MapDrawingTests
{
    private static MapPlace Place(int number, string name, double lat, double lon) =>
        new(number, name, "place-" + number, null, lat, lon);

    /// <summary>Places of his life from the Thames to the Amur, as a site's register would give them.</summary>
    private static readonly MapPlace[] Kropotkin =
    [
        Place(1, "Moscow", 55.756, 37.617), Place(2, "St Petersburg", 59.939, 30.316), Place(3, "Chita", 52.034, 113.5),
        Place(4, "Irkutsk", 52.287, 104.281), Place(5, "Geneva", 46.204, 6.143), Place(6, "Neuchâtel", 46.99, 6.931),
        Place(7, "Lyon", 45.764, 4.836), Place(8, "Clairvaux", 48.15, 4.783), Place(9, "Paris", 48.857, 2.352),
        Place(10, "London", 51.507, -0.128), Place(11, "Harrow", 51.58, -0.334), Place(12, "Brighton", 50.822, -0.137),
        Place(13, "Dmitrov", 56.344, 37.52),
    ];

    [Fact]
    public void A_site_with_its_places_in_South_America_gets_a_map_of_South_America()
    {
        var frame = MapFrame.Fit([(-58.38, -34.6), (-77.04, -12.05), (-74.07, 4.71), (-43.17, -22.91)],
            MapDrawing.Width);
        foreach (var (lon, lat) in new[] { (-58.38, -34.6), (-77.04, -12.05), (-74.07, 4.71), (-43.17, -22.91) })
            AssertInside(frame.ToMap(lon, lat), frame.Height);
        Assert.False(IsInside(frame.ToMap(-0.128, 51.507), frame.Height),
            "London should lie off a map of South America");
        Assert.False(IsInside(frame.ToMap(-99.13, 19.43), frame.Height), "Mexico City should lie off it too");
    }

    [Theory]
    [InlineData(-10, 140, 45, 60, "Albers equal-area conic projection")] // Europe to the Pacific
    [InlineData(-80, 140, 40, 60, "Equal Earth projection")] // Boston to the Amur
    [InlineData(-20, 20, -10, 10, "equirectangular projection")] // across the equator
    public void The_projection_suits_the_extent(double west, double east, double south, double north,
        string expected) =>
        Assert.Equal(expected, Projection.For(east - west, south, north).Name);

    [Theory]
    [InlineData(new[] { 10.0, 20.0, 30.0 }, 20)]
    [InlineData(new[] { 170.0, -170.0 }, 180)]
    [InlineData(new[] { 175.0, -165.0, 160.0 }, 177.5)]
    [InlineData(new[] { -3.0 }, -3)]
    public void The_central_meridian_is_the_middle_of_the_shortest_stretch_holding_every_place(double[] longitudes,
        double expected) =>
        Assert.Equal(0, MapFrame.Wrap(MapFrame.CentralMeridian(longitudes) - expected), 6);

    [Fact]
    public void Every_place_is_on_the_map_and_numbered_markers_keep_their_spacing()
    {
        var map = MapDrawing.Draw(Kropotkin)!;
        var all = map.Markers.Concat(map.Detail?.Markers ?? []).Select(m => m.Number).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, Kropotkin.Length), all);
        foreach (var chart in new[] { map, map.Detail }.OfType<PlacesMap>())
        {
            foreach (var marker in chart.Markers)
            {
                AssertInside((marker.X, marker.Y), chart.Height);
                AssertInside((marker.LabelX, marker.LabelY), chart.Height);
            }
            foreach (var (a, b) in Pairs(chart.Markers))
                Assert.True(Math.Sqrt(Math.Pow(a.LabelX - b.LabelX, 2) + Math.Pow(a.LabelY - b.LabelY,
                    2)) >= MapDrawing.MarkerSpacing - 1,
                    $"markers {a.Number} and {b.Number} are too close");
        }
    }

    [Fact]
    public void Places_crowded_together_get_a_detail_map_and_a_box_with_a_dot_for_each_on_the_main_map()
    {
        var map = MapDrawing.Draw(Kropotkin)!;
        Assert.NotNull(map.Detail);
        Assert.Contains("London", map.Detail!.Markers.Select(m => m.Name));
        Assert.Equal(map.Detail.Markers.Select(m => m.Number).Order(), map.Spots.Select(s => s.Number).Order());
        var box = map.DetailBox!;
        foreach (var spot in map.Spots)
        {
            Assert.InRange(spot.X, box.X, box.X + box.Width);
            Assert.InRange(spot.Y, box.Y, box.Y + box.Height);
        }
        Assert.Null(map.Detail.Detail);
    }

    [Fact]
    public void A_single_place_gets_a_map_of_the_land_around_it()
    {
        var map = MapDrawing.Draw([Place(1, "Geneva", 46.204, 6.143)])!;
        var marker = Assert.Single(map.Markers);
        Assert.InRange(marker.X, 300, 500);
        Assert.NotEmpty(map.Land);
    }

    [Fact]
    public void The_land_is_cut_to_the_map_and_small_enough_for_a_fast_page()
    {
        var map = MapDrawing.Draw(Kropotkin)!;
        foreach (var chart in new[] { map, map.Detail! })
        {
            var (minX, minY, maxX, maxY) = Bounds(chart.Land);
            Assert.True(minX >= -2 && minY >= -2 && maxX <= chart.Width + 2 && maxY <= chart.Height + 2,
                $"the land reaches ({minX},{minY})–({maxX},{maxY})");
        }
        Assert.InRange(map.Land.Length + map.Detail!.Land.Length, 2_000, 30_000);
    }

    [Fact]
    public void The_same_places_give_the_same_map() =>
        Assert.Equal(MapDrawing.Draw(Kropotkin)!.Land, MapDrawing.Draw(Kropotkin.ToArray())!.Land);

    private static IEnumerable<(MapMarker, MapMarker)> Pairs(IReadOnlyList<MapMarker> markers) =>
        markers.SelectMany((a, i) => markers.Skip(i + 1).Select(b => (a, b)));

    private static bool IsInside((double X, double Y) p, int height) => p.X >= 0 && p.X <= MapDrawing.Width && p.Y >= 0
        && p.Y <= height;

    private static void AssertInside((double X, double Y) p, int height) => Assert.True(IsInside(p, height),
        $"({p.X}, {p.Y}) lies off the map");

    /// <summary>The bounds of path data written as 'M x y l dx dy … z' rings.</summary>
    private static (int, int, int, int) Bounds(string path)
    {
        var (minX, minY, maxX, maxY) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        foreach (var ring in path.Split('z', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = ring[1..].Split('l');
            var numbers = System.Text.RegularExpressions.Regex.Matches(parts[0] + " " + parts[1], "-?[0-9]+")
                .Select(m => int.Parse(m.Value)).ToArray();
            var (x, y) = (0, 0);
            for (var i = 0; i < numbers.Length; i += 2)
            {
                (x, y) = (x + numbers[i], y + numbers[i + 1]);
                (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
            }
        }
        return (minX, minY, maxX, maxY);
    }
}
