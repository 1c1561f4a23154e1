using KropotkinSite.Engine;

namespace KropotkinSite.Preview;

/// <summary>A build not yet served: what it gave, and for a good one the site to serve
/// (<paramref name="Site"/>, null when it failed) made of <paramref name="Outputs"/>, the output pipelines'
/// documents by name.</summary>
public sealed record PendingRebuild(RebuildResult Result, SiteSnapshot? Site,
    IReadOnlyDictionary<string, IReadOnlyList<Document>> Outputs);
