namespace KropotkinSite.Search;

/// <summary>A part's entry for a term, where its lists end (<see cref="BlockPart.Ends"/>) and the part's first page:
/// what <see cref="EntryMerger"/> merges with the entries of the parts after it.</summary>
public readonly record struct TermHolder(byte[] Entry, byte[] Ends, int First);
