using System.Globalization;

namespace KropotkinSite.Maps;

/// <summary>
/// The world's land as rings of (longitude, latitude) in degrees: Natural Earth's 1:50m land (public domain),
/// converted once by <c>tools/land-outline/convert.mjs</c> into <c>land-50m.txt</c>, which is built into the program.
/// </summary>
public static class LandOutline
{
    private static readonly Lazy<IReadOnlyList<(double Lon, double Lat)[]>> Loaded = new(Load);

    public static IReadOnlyList<(double Lon, double Lat)[]> Rings => Loaded.Value;

    /// <summary>Each line is a ring: its first point in hundredths of a degree, then each point's difference from the
    /// one before.</summary>
    private static IReadOnlyList<(double Lon, double Lat)[]> Load()
    {
        using var stream = typeof(LandOutline).Assembly.GetManifestResourceStream("KropotkinSite.Maps.land-50m.txt")
            ?? throw new InvalidOperationException("the land outline is missing from the program");
        using var reader = new StreamReader(stream);
        var rings = new List<(double, double)[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var numbers = line.Split(' ');
            var ring = new (double, double)[numbers.Length / 2];
            int lon = 0, lat = 0;
            for (var i = 0; i < ring.Length; i++)
            {
                lon += int.Parse(numbers[2 * i], CultureInfo.InvariantCulture);
                lat += int.Parse(numbers[2 * i + 1], CultureInfo.InvariantCulture);
                ring[i] = (lon / 100.0, lat / 100.0);
            }
            rings.Add(ring);
        }
        return rings;
    }
}
