namespace KropotkinSite.Content;

/// <summary>The pieces a <see cref="SiteIndex"/> is assembled from, as a value a build can compare with last run's
/// piece by piece (the index itself is a new object every time it is assembled).</summary>
public sealed record IndexParts(IReadOnlyList<PageEntry> Entries, SiteShape Shape, SiteOrder Order,
    SiteMentions Mentions, IReadOnlyList<PageBacklinks> Backlinks)
{
    public SiteIndex ToIndex() => new(Entries, Shape, Order, Mentions, Backlinks);
}
