namespace KropotkinSite.Search;

/// <summary>A block's entries (<see cref="BlockInverter"/>) as <see cref="BlockMerger"/> merges them: with, for
/// each term, where its entry's lists end, so that a merge reads none of their pages: in varints, the length in
/// bytes of its postings and its last page; its last page with a card, if it has cards; and for each term that
/// follows it, in the entry's order, its last page. Pages are counted from the block's first.</summary>
public sealed record BlockPart(BlockTerms Terms, IReadOnlyList<byte[]> Ends);
