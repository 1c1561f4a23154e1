using System.Globalization;
using System.Text;

namespace KropotkinSite.Maps;

/// <summary>Writes rings as compact SVG path data: whole units, each point relative to the one before, each ring
/// closed.</summary>
public sealed class SvgPath
{
    private readonly StringBuilder _data = new();

    /// <summary>Adds a ring; one that rounds to fewer than three distinct points is left out.</summary>
    public void AddRing(IReadOnlyList<(double X, double Y)> ring)
    {
        var points = new List<(int X, int Y)>();
        foreach (var (x, y) in ring)
        {
            var p = ((int)Math.Round(x), (int)Math.Round(y));
            if (points.Count == 0 || points[^1] != p) points.Add(p);
        }
        if (points.Count > 1 && points[0] == points[^1]) points.RemoveAt(points.Count - 1);
        if (points.Count < 3) return;
        _data.Append('M').Append(Number(points[0].X)).Append(Separated(points[0].Y)).Append('l');
        var (lastX, lastY) = points[0];
        for (var i = 1; i < points.Count; i++)
        {
            var (dx, dy) = (points[i].X - lastX, points[i].Y - lastY);
            _data.Append(i == 1 ? Number(dx) : Separated(dx)).Append(Separated(dy));
            (lastX, lastY) = points[i];
        }
        _data.Append('z');
    }

    public override string ToString() => _data.ToString();

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number after another: a minus sign separates it already.</summary>
    private static string Separated(int n) => n < 0 ? Number(n) : " " + Number(n);
}
