namespace KropotkinSite.Theme;

/// <summary>The parts of one page laid out beforehand (<see cref="LayoutPart"/>), found by their layout and the
/// very model object the page's layout passes to the <c>layout</c> filter; a part whose layout failed has no HTML
/// here, so the filter lays it out again and the page reports the failure. Two are equal when their HTML is: the
/// models they stand for are the page's job's, compared with it.</summary>
public sealed class RenderedParts : IEquatable<RenderedParts>
{
    private readonly Dictionary<object, List<(string Layout, RenderedPart Part)>> _byModel =
        new(ReferenceEqualityComparer.Instance);

    public RenderedParts(IReadOnlyList<LayoutPart> parts, IReadOnlyList<RenderedPart?> rendered)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (rendered[i] is not { } part) continue;
            if (!_byModel.TryGetValue(parts[i].Model, out var list)) _byModel[parts[i].Model] = list = [];
            list.Add((parts[i].Layout, part));
        }
        Rendered = rendered;
    }

    /// <summary>The parts in the order of the job's parts (null where a part failed).</summary>
    public IReadOnlyList<RenderedPart?> Rendered { get; }

    public bool Equals(RenderedParts? other) =>
        other is not null && other.Rendered.Select(p => p?.Html).SequenceEqual(Rendered.Select(p => p?.Html),
            StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as RenderedParts);

    public override int GetHashCode() => Rendered.Count;

    public RenderedPart? Find(string layout, object model)
    {
        if (!_byModel.TryGetValue(model, out var list)) return null;
        foreach (var (name, part) in list)
            if (name == layout) return part;
        return null;
    }
}
