namespace KropotkinSite.Incremental;

/// <summary>
/// What changed on disk since the last rebuild, as a watcher saw it: the full paths of the files added, changed
/// or removed; or, when that is not known (the first run, a watcher that lost track), everything.
/// </summary>
public sealed class ChangeSet
{
    private ChangeSet(IReadOnlySet<string>? paths) => Paths = paths;

    /// <summary>Every file may have changed: each is checked again.</summary>
    public static ChangeSet Unknown { get; } = new(null);

    /// <summary>The changed files' full paths; null when not known.</summary>
    public IReadOnlySet<string>? Paths { get; }

    public bool IsKnown => Paths is not null;

    public static ChangeSet Of(IEnumerable<string> fullPaths) => new(fullPaths.ToHashSet(StringComparer.Ordinal));

    /// <summary>What changed over two bursts of a watcher (the first for a rebuild that did not finish).</summary>
    public ChangeSet And(ChangeSet later) =>
        Paths is null || later.Paths is null
            ? Unknown
            : new ChangeSet(Paths.Union(later.Paths).ToHashSet(StringComparer.Ordinal));

    public bool Contains(string fullPath) => Paths is null || Paths.Contains(fullPath);
}
