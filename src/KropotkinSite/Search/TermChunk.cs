namespace KropotkinSite.Search;

/// <summary>A chunk of the index's terms before it is compressed: its first and last terms, how many it holds,
/// and its JSON. Equal chunks give equal files, so a rebuild compresses again only the chunks an edit
/// changed.</summary>
public sealed record TermChunk(string FirstTerm, string LastTerm, int Count, byte[] Json);
