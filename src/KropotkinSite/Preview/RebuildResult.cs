using KropotkinSite.Engine;

namespace KropotkinSite.Preview;

public sealed record RebuildResult(IReadOnlyList<ContentError> Errors, int FilesChanged, int CacheHits, int CacheMisses, TimeSpan Elapsed);
