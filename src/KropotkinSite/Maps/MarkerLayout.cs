using static KropotkinSite.Maps.Plane;

namespace KropotkinSite.Maps;

/// <summary>
/// Where each numbered marker of the map goes. A marker sits on its place unless that is within
/// <c>spacing</c> of a marker already placed; then it moves to the nearest free spot around the place (tried
/// on rings of growing radius) and a line leads from it to the place, passing by other markers rather than
/// under them where it can. Markers are placed in order, so the same places give the same map; keeping them
/// apart keeps each one a target a finger can hit.
/// </summary>
public static class MarkerLayout
{
    private const int Angles = 16;
    private const int Rings = 40;

    /// <param name="points">Each place's point on the map, in marker order.</param>
    /// <param name="margin">How far a marker's centre stays from the map's edges.</param>
    /// <param name="keepOut">Rectangles (left, top, width, height) no marker moved aside may be put in.</param>
    public static IReadOnlyList<(double X, double Y)> Place(IReadOnlyList<(double X, double Y)> points, double width,
        double height, double spacing, double margin,
        IReadOnlyList<(double X, double Y, double Width, double Height)> keepOut)
    {
        var clearance = spacing / 3; // how far a leader line keeps from another marker's centre: beyond its circle
        var spots = new List<(double X, double Y)>();
        bool Spaced((double X, double Y) c, (double X, double Y) point) =>
            spots.All(p => Distance(p, c) >= spacing) && (c == point || Outside(c, keepOut, margin));
        bool Clear((double X, double Y) c, (double X, double Y) point) =>
            (c == point || spots.All(p => SegmentDistance(p, point, c) >= clearance))
            && Enumerable.Range(0, spots.Count)
                .All(j => spots[j] == points[j] || SegmentDistance(c, points[j], spots[j]) >= clearance);
        foreach (var point in points)
        {
            var candidates = Candidates(point, spacing, width, height, margin).Where(c => Spaced(c, point)).ToList();
            spots.Add(candidates.FirstOrDefault(c => Clear(c, point),
                candidates.Count > 0 ? candidates[0] : Clamp(point, width, height, margin)));
        }
        Untangle(points, spots, keepOut, margin, clearance);
        return spots;
    }

    /// <summary>
    /// Swaps the spots of two markers while that shortens their leader lines together (which also undoes lines
    /// that cross) and runs no more lines under markers: the same spots stay taken, so the spacing holds. A spot
    /// in a keep-out rectangle (a marker on its own place there) is left to its marker.
    /// </summary>
    private static void Untangle(IReadOnlyList<(double X, double Y)> points, List<(double X, double Y)> spots,
        IReadOnlyList<(double X, double Y, double Width, double Height)> keepOut, double margin, double clearance)
    {
        var conflicts = Conflicts(points, spots, clearance);
        for (var pass = 0; pass < 8; pass++)
        {
            var swapped = false;
            for (var i = 0; i < spots.Count; i++)
                for (var j = i + 1; j < spots.Count; j++)
                {
                    var now = Distance(points[i], spots[i]) + Distance(points[j], spots[j]);
                    var then = Distance(points[i], spots[j]) + Distance(points[j], spots[i]);
                    if (then >= now - 0.5 || !Outside(spots[i], keepOut, margin)
                        || !Outside(spots[j], keepOut, margin)) continue;
                    (spots[i], spots[j]) = (spots[j], spots[i]);
                    var after = Conflicts(points, spots, clearance);
                    if (after > conflicts) (spots[i], spots[j]) = (spots[j], spots[i]);
                    else (conflicts, swapped) = (after, true);
                }
            if (!swapped) break;
        }
    }

    /// <summary>How many times a leader line runs under another marker.</summary>
    private static int Conflicts(IReadOnlyList<(double X, double Y)> points, List<(double X, double Y)> spots,
        double clearance)
    {
        var count = 0;
        for (var i = 0; i < spots.Count; i++)
            if (spots[i] != points[i])
                for (var j = 0; j < spots.Count; j++)
                    if (j != i && SegmentDistance(spots[j], points[i], spots[i]) < clearance) count++;
        return count;
    }

    private static IEnumerable<(double X, double Y)> Candidates((double X, double Y) point, double spacing,
        double width, double height, double margin)
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
                if (candidate.X >= margin && candidate.X <= width - margin && candidate.Y >= margin
                    && candidate.Y <= height - margin)
                    yield return candidate;
            }
        }
    }

    private static bool Outside((double X, double Y) c,
        IReadOnlyList<(double X, double Y, double Width, double Height)> boxes, double margin) =>
        boxes.All(r => c.X < r.X - margin || c.X > r.X + r.Width + margin || c.Y < r.Y - margin
            || c.Y > r.Y + r.Height + margin);

    private static (double X, double Y) Clamp((double X, double Y) p, double width, double height, double margin) =>
        (Math.Clamp(p.X, margin, width - margin), Math.Clamp(p.Y, margin, height - margin));
}
