namespace KropotkinSite.Preview;

/// <summary>The site as the preview serves it: every output file by its path below the site root.</summary>
public sealed record SiteSnapshot(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Files, int Version)
{
    public static readonly SiteSnapshot Empty = new(new Dictionary<string, ReadOnlyMemory<byte>>(), 0);
}
