namespace KropotkinSite.Maps;

/// <summary>A numbered marker of the map: the place's point, and where its number is drawn (elsewhere when
/// markers would crowd; then a line leads from the number to the point).</summary>
public sealed record MapMarker(int Number, string Name, string Id, string? Note, int X, int Y, int LabelX, int LabelY)
{
    public bool Displaced => X != LabelX || Y != LabelY;
}

/// <summary>A rectangle of a map, in its units.</summary>
public sealed record MapBox(int X, int Y, int Width, int Height);

/// <summary>
/// A map drawn from the register: its size in SVG units, the land as path data, the numbered markers, and the
/// projection's name for the caption. Where many places crowd together, they are drawn on a second map of
/// their own (<see cref="Detail"/>): this one marks each of them with a dot (<see cref="Spots"/>) inside a
/// rectangle (<see cref="DetailBox"/>) showing where the detail lies.
/// </summary>
public sealed record PlacesMap(int Width, int Height, string Land, IReadOnlyList<MapMarker> Markers, string Projection,
    IReadOnlyList<MapMarker> Spots, MapBox? DetailBox, PlacesMap? Detail);
