namespace KropotkinSite.Maps;

/// <summary>A place to mark on the map, in the order the markers are numbered.</summary>
public sealed record MapPlace(int Number, string Name, string Id, string? Note, double Lat, double Lon);

/// <summary>
/// Draws the map of a site's places: it finds their extent (across the 180th meridian if that is shorter), picks
/// a projection for it (<see cref="Projection.For"/>), fits the map to the places with a margin around them,
/// cuts Natural Earth's land to what the map shows, simplifies it to about one unit (a screen pixel or so), and
/// lays out the numbered markers. When three or more places lie too close together for their numbers, they get
/// a detail map of their own.
/// </summary>
public static class MapDrawing
{
    public const int Width = 800;
    /// <summary>The least distance between two markers' centres: 72 units, at least 25 CSS pixels when the map
    /// is shown 280 pixels wide (a 320-pixel screen), the spacing WCAG asks of small targets.</summary>
    public const double MarkerSpacing = 72;
    private const double MarkerMargin = 26;
    private const double Tolerance = 0.8;

    public static PlacesMap? Draw(IReadOnlyList<MapPlace> places) => Draw(places, LandOutline.Rings, withDetail: true);

    public static PlacesMap? Draw(IReadOnlyList<MapPlace> places, IReadOnlyList<(double Lon, double Lat)[]> land,
        bool withDetail)
    {
        if (places.Count == 0) return null;
        var frame = MapFrame.Fit(places.Select(p => (p.Lon, p.Lat)).ToArray(), Width);
        var points = places.Select(p => frame.ToMap(p.Lon, p.Lat)).ToArray();

        var crowded = withDetail ? LargestCrowd(points) : [];
        PlacesMap? detail = null;
        MapBox? box = null;
        if (crowded.Count >= 3 && crowded.Count < places.Count)
        {
            detail = Draw(crowded.Select(i => places[i]).ToArray(), land, withDetail: false);
            box = Around(crowded.Select(i => points[i]).ToArray(), frame.Height);
        }
        else crowded = [];

        var marked = Enumerable.Range(0, places.Count).Where(i => !crowded.Contains(i)).ToArray();
        var labels = MarkerLayout.Place(marked.Select(i => points[i]).ToArray(), Width, frame.Height, MarkerSpacing,
            MarkerMargin,
            box is null ? [] : [(box.X, box.Y, box.Width, box.Height)]);
        var markers = marked.Select((i, k) => Marker(places[i], points[i], labels[k])).ToArray();
        var spots = crowded.Select(i => Marker(places[i], points[i], points[i])).ToArray();
        return new PlacesMap(Width, frame.Height, Land(frame, land), markers, frame.Projection.Name, spots, box,
            detail);
    }

    private static MapMarker Marker(MapPlace place, (double X, double Y) point, (double X, double Y) label) =>
        new(place.Number, place.Name, place.Id, place.Note, (int)Math.Round(point.X), (int)Math.Round(point.Y),
            (int)Math.Round(label.X), (int)Math.Round(label.Y));

    /// <summary>The land the frame shows, as path data.</summary>
    private static string Land(MapFrame frame, IReadOnlyList<(double Lon, double Lat)[]> land)
    {
        var path = new SvgPath();
        foreach (var ring in frame.LandRings(land))
        {
            var projected = ring.Select(p => frame.ToMapRelative(p.X, p.Y)).ToArray();
            if (!RectangleClip.Overlaps(projected, -2, -2, Width + 2, frame.Height + 2)) continue;
            var clipped = RectangleClip.Clip(projected, -2, -2, Width + 2, frame.Height + 2);
            if (Math.Abs(Area(clipped)) < 2) continue; // an islet smaller than a dot
            path.AddRing(LineSimplifier.Simplify(clipped, Tolerance));
        }
        return path.ToString();
    }

    /// <summary>The largest group of places each within <see cref="MarkerSpacing"/> of another of the group
    /// (by position in <paramref name="points"/>), in order.</summary>
    private static List<int> LargestCrowd(IReadOnlyList<(double X, double Y)> points)
    {
        var group = Enumerable.Range(0, points.Count).ToArray();
        int Root(int i) => group[i] == i ? i : group[i] = Root(group[i]);
        for (var i = 0; i < points.Count; i++)
            for (var j = i + 1; j < points.Count; j++)
                if (Plane.Distance(points[i], points[j]) < MarkerSpacing)
                    group[Root(i)] = Root(j);
        return Enumerable.Range(0, points.Count).GroupBy(Root).OrderByDescending(g => g.Count()).ThenBy(g => g.Min())
            .First().Order().ToList();
    }

    /// <summary>A rectangle around some points, with a margin, inside the map.</summary>
    private static MapBox Around(IReadOnlyList<(double X, double Y)> points, int height)
    {
        const double margin = 10;
        var left = Math.Max(1, Math.Floor(points.Min(p => p.X) - margin));
        var top = Math.Max(1, Math.Floor(points.Min(p => p.Y) - margin));
        var right = Math.Min(Width - 1, Math.Ceiling(points.Max(p => p.X) + margin));
        var bottom = Math.Min(height - 1, Math.Ceiling(points.Max(p => p.Y) + margin));
        return new MapBox((int)left, (int)top, (int)(right - left), (int)(bottom - top));
    }

    private static double Area(IReadOnlyList<(double X, double Y)> ring)
    {
        var sum = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % ring.Count]);
            sum += a.X * b.Y - b.X * a.Y;
        }
        return sum / 2;
    }
}
