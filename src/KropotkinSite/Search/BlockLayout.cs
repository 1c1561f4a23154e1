namespace KropotkinSite.Search;

/// <summary>How a block's entries are made from its parts' (<see cref="BlockMerger.Layout"/>): its terms in order;
/// the entry of each term that one part alone has, as that part has it, and null for each term that several parts
/// have, whose entry is merged from theirs (<see cref="Merges"/>, in the same order).</summary>
public sealed record BlockLayout(int First, IReadOnlyList<string> Terms, IReadOnlyList<byte[]?> Entries,
    IReadOnlyList<TermMerge> Merges);
