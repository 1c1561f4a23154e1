namespace KropotkinSite.Maps;

/// <summary>
/// Cuts a ring (a closed polygon) to a rectangle, Sutherland and Hodgman's way: one pass per side. A ring that
/// leaves the rectangle and comes back gets edges along its side, which a filled shape does not show.
/// </summary>
public static class RectangleClip
{
    public static List<(double X, double Y)> Clip(IReadOnlyList<(double X, double Y)> ring, double left, double bottom,
        double right, double top)
    {
        var points = new List<(double X, double Y)>(ring);
        points = Side(points, p => p.X >= left, (a, b) => At(a, b, (left - a.X) / (b.X - a.X)));
        points = Side(points, p => p.X <= right, (a, b) => At(a, b, (right - a.X) / (b.X - a.X)));
        points = Side(points, p => p.Y >= bottom, (a, b) => At(a, b, (bottom - a.Y) / (b.Y - a.Y)));
        points = Side(points, p => p.Y <= top, (a, b) => At(a, b, (top - a.Y) / (b.Y - a.Y)));
        return points;
    }

    public static bool Overlaps(IReadOnlyList<(double X, double Y)> ring, double left, double bottom, double right,
        double top)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (x, y) in ring)
        {
            minX = Math.Min(minX, x);
            maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y);
            maxY = Math.Max(maxY, y);
        }
        return minX <= right && maxX >= left && minY <= top && maxY >= bottom;
    }

    private static (double X, double Y) At((double X, double Y) a, (double X, double Y) b, double t) =>
        (a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y));

    private static List<(double X, double Y)> Side(List<(double X, double Y)> points,
        Func<(double X, double Y), bool> inside,
        Func<(double X, double Y), (double X, double Y), (double X, double Y)> crossing)
    {
        var result = new List<(double X, double Y)>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var current = points[i];
            var previous = points[(i + points.Count - 1) % points.Count];
            if (inside(current))
            {
                if (!inside(previous)) result.Add(crossing(previous, current));
                result.Add(current);
            }
            else if (inside(previous)) result.Add(crossing(previous, current));
        }
        return result;
    }
}
