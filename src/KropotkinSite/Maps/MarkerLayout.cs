namespace KropotkinSite.Maps;

/// <summary>
/// Where each numbered marker of the map goes. A marker sits on its place unless that is within
/// <c>spacing</c> of a marker already placed; then it moves to the nearest free spot around the place (tried
/// on rings of growing radius) and a line leads from it to the place. Markers are placed in order, so the
/// same places give the same map; keeping them apart keeps each one a target a finger can hit.
/// </summary>
public static class MarkerLayout
{
    private const int Angles = 16;
    private const int Rings = 40;

    /// <param name="points">Each place's point on the map, in marker order.</param>
    /// <param name="margin">How far a marker's centre stays from the map's edges.</param>
    /// <param name="keepOut">Rectangles (left, top, width, height) no marker moved aside may be put in.</param>
    public static IReadOnlyList<(double X, double Y)> Place(IReadOnlyList<(double X, double Y)> points, double width, double height, double spacing, double margin,
        IReadOnlyList<(double X, double Y, double Width, double Height)> keepOut)
    {
        var placed = new List<(double X, double Y)>();
        bool Free((double X, double Y) c, (double X, double Y) point) =>
            placed.All(p => Distance(p, c) >= spacing)
            && (c == point || keepOut.All(r => c.X < r.X - margin || c.X > r.X + r.Width + margin || c.Y < r.Y - margin || c.Y > r.Y + r.Height + margin));
        foreach (var point in points)
        {
            var spot = Candidates(point, spacing, width, height, margin).FirstOrDefault(c => Free(c, point), Clamp(point, width, height, margin));
            placed.Add(spot);
        }
        Untangle(points, placed, keepOut, margin);
        return placed;
    }

    /// <summary>
    /// Swaps the spots of two markers while that shortens their leader lines together (which also undoes lines
    /// that cross): the same spots stay taken, so the spacing holds. A spot in a keep-out rectangle (a marker
    /// on its own place there) is left to its marker.
    /// </summary>
    private static void Untangle(IReadOnlyList<(double X, double Y)> points, List<(double X, double Y)> spots,
        IReadOnlyList<(double X, double Y, double Width, double Height)> keepOut, double margin)
    {
        bool Movable((double X, double Y) c) =>
            keepOut.All(r => c.X < r.X - margin || c.X > r.X + r.Width + margin || c.Y < r.Y - margin || c.Y > r.Y + r.Height + margin);
        for (var pass = 0; pass < 8; pass++)
        {
            var swapped = false;
            for (var i = 0; i < spots.Count; i++)
                for (var j = i + 1; j < spots.Count; j++)
                {
                    var now = Distance(points[i], spots[i]) + Distance(points[j], spots[j]);
                    var then = Distance(points[i], spots[j]) + Distance(points[j], spots[i]);
                    if (then >= now - 0.5 || !Movable(spots[i]) || !Movable(spots[j])) continue;
                    (spots[i], spots[j]) = (spots[j], spots[i]);
                    swapped = true;
                }
            if (!swapped) break;
        }
    }

    private static IEnumerable<(double X, double Y)> Candidates((double X, double Y) point, double spacing, double width, double height, double margin)
    {
        var start = Clamp(point, width, height, margin);
        yield return start;
        for (var ring = 1; ring <= Rings; ring++)
        {
            var radius = ring * spacing * 0.5;
            for (var i = 0; i < Angles; i++)
            {
                // Start above the place and go round; alternate sides so no direction is always preferred.
                var step = (i + 1) / 2 * (i % 2 == 0 ? 1 : -1);
                var angle = -Math.PI / 2 + step * 2 * Math.PI / Angles;
                var candidate = (X: start.X + radius * Math.Cos(angle), Y: start.Y + radius * Math.Sin(angle));
                if (candidate.X >= margin && candidate.X <= width - margin && candidate.Y >= margin && candidate.Y <= height - margin)
                    yield return candidate;
            }
        }
    }

    private static (double X, double Y) Clamp((double X, double Y) p, double width, double height, double margin) =>
        (Math.Clamp(p.X, margin, width - margin), Math.Clamp(p.Y, margin, height - margin));

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
