namespace KropotkinSite.Search;

/// <summary>A chunk of the index's entries before it is written: its first term (and the block of its first
/// entry), its last term, and its entries in order. Equal chunks give equal files, so a rebuild writes again only
/// the chunks an edit changed.</summary>
public sealed record TermChunk(string FirstTerm, int FirstBlock, string LastTerm, IReadOnlyList<byte[]> Entries);
