namespace KropotkinSite.Maps;

/// <summary>
/// What a map shows and how: the central meridian, the projection, and the scale and offset that take projected
/// points to the map's units (x east, y down), fitted to a set of places with a margin around them.
/// </summary>
public sealed class MapFrame
{
    private readonly double _minX, _maxY, _scale;
    private readonly (double West, double East, double South, double North) _extent;

    private MapFrame(double centre, Projection projection, (double, double, double, double) extent, double minX,
        double maxY, double scale, int height)
    {
        Centre = centre;
        Projection = projection;
        _extent = extent;
        (_minX, _maxY, _scale) = (minX, maxY, scale);
        Height = height;
    }

    public double Centre { get; }

    public Projection Projection { get; }

    public int Height { get; }

    /// <param name="places">Each place's longitude and latitude.</param>
    public static MapFrame Fit(IReadOnlyList<(double Lon, double Lat)> places, int width)
    {
        var centre = CentralMeridian(places.Select(p => p.Lon).ToArray());
        var relative = places.Select(p => (Lon: Wrap(p.Lon - centre), p.Lat)).ToArray();
        double west = relative.Min(p => p.Lon), east = relative.Max(p => p.Lon);
        double south = relative.Min(p => p.Lat), north = relative.Max(p => p.Lat);
        var projection = Projection.For(east - west, south, north);

        // A margin around the places, and at least a few degrees, so one place or a close group shows where it lies.
        var latPad = Math.Max((north - south) * 0.12, 2);
        var cos = Math.Max(0.2, Math.Cos((south + north) / 2 * Math.PI / 180));
        var lonPad = Math.Max((east - west) * 0.08, 2 / cos);
        var extent = (West: Math.Max(-180, west - lonPad), East: Math.Min(180, east + lonPad),
            South: Math.Max(-89, south - latPad), North: Math.Min(89, north + latPad));

        // The extent's outline, projected, decides scale and size.
        var outline = new List<(double X, double Y)>();
        for (var i = 0; i <= 24; i++)
        {
            var t = i / 24.0;
            var lon = extent.West + t * (extent.East - extent.West);
            var lat = extent.South + t * (extent.North - extent.South);
            outline.AddRange([projection.Project(lon, extent.South), projection.Project(lon, extent.North),
                projection.Project(extent.West, lat), projection.Project(extent.East, lat)]);
        }
        double minX = outline.Min(p => p.X), maxX = outline.Max(p => p.X), minY = outline.Min(p => p.Y),
            maxY = outline.Max(p => p.Y);
        // Between a wide strip (2:1) and an upright page (1:1.1): widen the shorter side around the middle.
        var (spanX, spanY) = (maxX - minX, maxY - minY);
        if (spanY < spanX * 0.5) (minY, maxY) = ((minY + maxY - spanX * 0.5) / 2, (minY + maxY + spanX * 0.5) / 2);
        else if (spanY > spanX * 1.1) (minX, maxX) = ((minX + maxX - spanY / 1.1) / 2, (minX + maxX + spanY / 1.1) / 2);
        var scale = width / (maxX - minX);
        return new MapFrame(centre, projection, extent, minX, maxY, scale, (int)Math.Ceiling((maxY - minY) * scale));
    }

    /// <summary>A place's point on the map.</summary>
    public (double X, double Y) ToMap(double lon, double lat) => ToMapRelative(Wrap(lon - Centre), lat);

    /// <summary>A point given by its longitude relative to the central meridian.</summary>
    public (double X, double Y) ToMapRelative(double relativeLon, double lat)
    {
        var (x, y) = Projection.Project(relativeLon, lat);
        return ((x - _minX) * _scale, (_maxY - y) * _scale);
    }

    /// <summary>
    /// The land's rings in longitudes relative to the central meridian, cut to a window well around the extent
    /// (the map shows more than the extent when it is widened to its shape, and projections bend its edges). A
    /// ring is first made continuous, and tried once more a whole turn east and west, so land across the far
    /// meridian is neither torn nor lost.
    /// </summary>
    public IEnumerable<List<(double X, double Y)>> LandRings(IReadOnlyList<(double Lon, double Lat)[]> land)
    {
        var lonMargin = Math.Max(30, _extent.East - _extent.West);
        var latMargin = Math.Max(30, _extent.North - _extent.South);
        var (left, right) = (Math.Max(-179.9, _extent.West - lonMargin), Math.Min(179.9, _extent.East + lonMargin));
        var (bottom, top) = (Math.Max(-89.9, _extent.South - latMargin), Math.Min(89.9, _extent.North + latMargin));
        foreach (var ring in land)
        {
            var continuous = new (double X, double Y)[ring.Length];
            for (var i = 0; i < ring.Length; i++)
            {
                var lon = Wrap(ring[i].Lon - Centre);
                if (i > 0) lon = continuous[i - 1].X + Wrap(lon - continuous[i - 1].X);
                continuous[i] = (lon, ring[i].Lat);
            }
            foreach (var turn in new[] { 0.0, -360, 360 })
            {
                var shifted = turn == 0 ? continuous : continuous.Select(p => (p.X + turn, p.Y)).ToArray();
                if (!RectangleClip.Overlaps(shifted, left, bottom, right, top)) continue;
                var clipped = RectangleClip.Clip(shifted, left, bottom, right, top);
                if (clipped.Count >= 3) yield return clipped;
            }
        }
    }

    /// <summary>The meridian in the middle of the places: the middle of the shortest stretch of longitude that
    /// holds them all, found by leaving out the widest gap between them.</summary>
    public static double CentralMeridian(IReadOnlyList<double> longitudes)
    {
        var sorted = longitudes.Order().ToArray();
        var (gapStart, widest) = (sorted[^1], sorted[0] + 360 - sorted[^1]);
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i] - sorted[i - 1] > widest) (gapStart, widest) = (sorted[i - 1], sorted[i] - sorted[i - 1]);
        return Wrap(gapStart + widest + (360 - widest) / 2);
    }

    /// <summary>A longitude difference brought into -180…180.</summary>
    public static double Wrap(double lon)
    {
        lon %= 360;
        return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }
}
