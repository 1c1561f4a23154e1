namespace KropotkinSite.Search;

/// <summary>A run of the site's pages, numbered from <paramref name="First"/>: the index is turned around a block
/// at a time, so that an edit of one page turns around only its block again.</summary>
public sealed record PageBlock(int First, IReadOnlyList<SearchPage> Pages);
