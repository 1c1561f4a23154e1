namespace KropotkinSite.Search;

/// <summary>A term that several parts of a block have: named by the block's first page and the term, which no other
/// merge shares, and its entries in those parts, in order (<see cref="EntryMerger"/>).</summary>
public sealed record TermMerge(string Key, TermHolder[] Holders);
