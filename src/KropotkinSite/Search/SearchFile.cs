namespace KropotkinSite.Search;

/// <summary>A file of the search index, at a path inside the index's folder.</summary>
public sealed record SearchFile(string Path, byte[] Bytes);
