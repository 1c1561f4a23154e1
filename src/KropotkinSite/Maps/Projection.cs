namespace KropotkinSite.Maps;

/// <summary>
/// A map projection: longitude (relative to the map's central meridian) and latitude in degrees to plane
/// coordinates, y growing northwards. <see cref="For"/> picks one suited to an extent: Equal Earth for most of
/// the world, an Albers equal-area conic for a stretch of the middle latitudes (a country, a continent, Europe
/// to the Pacific), and an equirectangular projection, true to scale at the middle of the extent, near the equator.
/// </summary>
public abstract class Projection
{
    public abstract string Name { get; }

    public abstract (double X, double Y) Project(double relativeLon, double lat);

    /// <summary>A projection for places spanning <paramref name="lonSpan"/> degrees of longitude (centred on the
    /// central meridian) and latitudes from <paramref name="south"/> to <paramref name="north"/>.</summary>
    public static Projection For(double lonSpan, double south, double north)
    {
        if (lonSpan > 200 || north - south > 90) return new EqualEarth();
        var nearEquator = (south < 0 && north > 0) || Math.Min(Math.Abs(south), Math.Abs(north)) < 15;
        if (nearEquator) return new Equirectangular((south + north) / 2);
        var span = north - south;
        return new AlbersConic(south + span / 6, north - span / 6);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private sealed class EqualEarth : Projection
    {
        private const double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
        private static readonly double M = Math.Sqrt(3) / 2;

        public override string Name => "Equal Earth projection";

        public override (double X, double Y) Project(double relativeLon, double lat)
        {
            var l = Math.Asin(M * Math.Sin(Radians(lat)));
            var l2 = l * l;
            var l6 = l2 * l2 * l2;
            return (Radians(relativeLon) * Math.Cos(l) / (M * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2))),
                l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)));
        }
    }

    private sealed class Equirectangular(double trueLat) : Projection
    {
        private readonly double _cos = Math.Cos(Radians(trueLat));

        public override string Name => "equirectangular projection";

        public override (double X, double Y) Project(double relativeLon, double lat) =>
            (Radians(relativeLon) * _cos, Radians(lat));
    }

    /// <summary>Albers' equal-area conic projection on the sphere, with two standard parallels.</summary>
    private sealed class AlbersConic : Projection
    {
        private readonly double _n, _c;

        public AlbersConic(double parallel1, double parallel2)
        {
            var sin1 = Math.Sin(Radians(parallel1));
            _n = (sin1 + Math.Sin(Radians(parallel2))) / 2;
            _c = Math.Cos(Radians(parallel1)) * Math.Cos(Radians(parallel1)) + 2 * _n * sin1;
        }

        public override string Name => "Albers equal-area conic projection";

        public override (double X, double Y) Project(double relativeLon, double lat)
        {
            var rho = Math.Sqrt(Math.Max(0, _c - 2 * _n * Math.Sin(Radians(lat)))) / _n;
            var theta = _n * Radians(relativeLon);
            return (rho * Math.Sin(theta), -rho * Math.Cos(theta));
        }
    }
}
