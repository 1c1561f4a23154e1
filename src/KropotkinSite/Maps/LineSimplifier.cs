namespace KropotkinSite.Maps;

/// <summary>Douglas and Peucker's simplification: drops the points of a line that lie within a tolerance of the
/// line through the points kept, so an outline carries no detail the map's scale cannot show.</summary>
public static class LineSimplifier
{
    public static List<(double X, double Y)> Simplify(IReadOnlyList<(double X, double Y)> points, double tolerance)
    {
        if (points.Count < 3) return [.. points];
        var keep = new bool[points.Count];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int From, int To)>();
        stack.Push((0, points.Count - 1));
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            var (farthest, distance) = (-1, tolerance);
            for (var i = from + 1; i < to; i++)
            {
                var d = Plane.SegmentDistance(points[i], points[from], points[to]);
                if (d > distance) (farthest, distance) = (i, d);
            }
            if (farthest < 0) continue;
            keep[farthest] = true;
            stack.Push((from, farthest));
            stack.Push((farthest, to));
        }
        var kept = new List<(double X, double Y)>();
        for (var i = 0; i < points.Count; i++)
            if (keep[i]) kept.Add(points[i]);
        return kept;
    }
}
