namespace KropotkinSite.Content;

/// <summary>
/// Which pages link to which, made from the <see cref="SiteShape"/> and each page's link targets alone (not their
/// titles): for each page that other content pages link to, their positions, by address. A page is not its own
/// backlink; a link to an address the index does not hold is no one's.
/// </summary>
public sealed class SiteMentions
{
    private readonly Dictionary<int, int> _targetOf;

    public SiteMentions(SiteShape shape, IReadOnlyList<IReadOnlyList<string>> linkTargets)
    {
        var sources = new Dictionary<int, List<int>>();
        var targets = new List<int>();
        foreach (var source in shape.Pages)
        {
            var key = shape.Keys[source];
            if (!key.Mentions) continue;
            foreach (var url in linkTargets[source])
                if (url != key.Url && shape.PositionOf(url) is var target and >= 0)
                {
                    if (!sources.TryGetValue(target, out var list))
                    {
                        sources[target] = list = [];
                        targets.Add(target);
                    }
                    list.Add(source);
                }
        }
        Targets = [.. targets];
        Sources = [.. targets.Select(t => (IReadOnlyList<int>)[.. sources[t]])];
        Chunks = [.. Sources.Chunk(ChunkSize)];
        _targetOf = new Dictionary<int, int>(targets.Count);
        for (var i = 0; i < targets.Count; i++) _targetOf[targets[i]] = i;
    }

    /// <summary>The positions of the pages linked to, each once.</summary>
    public IReadOnlyList<int> Targets { get; }

    /// <summary>For each of <see cref="Targets"/>, the positions of the pages that link to it, by address.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Sources { get; }

    /// <summary>How many targets a chunk holds.</summary>
    public const int ChunkSize = 64;

    /// <summary><see cref="Sources"/> cut into runs of <see cref="ChunkSize"/> targets: what a build gathers and
    /// compares at once, so that it looks at a few score objects rather than one per page.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> Chunks { get; }

    /// <summary>Where a page stands among <see cref="Targets"/>, or -1 when no page links to it.</summary>
    public int TargetOf(int position) => _targetOf.TryGetValue(position, out var target) ? target : -1;
}
