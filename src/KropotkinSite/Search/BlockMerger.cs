namespace KropotkinSite.Search;

/// <summary>
/// Makes the entries of a block of pages from those of the smaller blocks it is made of (consecutive, in order):
/// the same entries as turning the whole block around (<see cref="BlockInverter"/>), at the cost of copying bytes.
/// In two steps, so that each term's merge is a value of its own: <see cref="Layout"/> puts the parts' terms in
/// order and keeps the entry of a term that one part alone has as it is; each term that several parts have is merged
/// from their entries (<see cref="EntryMerger"/>); <see cref="Assemble"/> puts the merged entries in their places.
/// </summary>
public static class BlockMerger
{
    /// <summary>The block's entries in one go.</summary>
    public static BlockTerms Merge(IReadOnlyList<BlockPart> parts)
    {
        var layout = Layout(parts);
        return Assemble(layout, [.. layout.Merges.Select(merge => EntryMerger.Merge(merge.Holders))]);
    }

    /// <summary>The terms of all parts in order, each with its one part's entry or, when several parts have it,
    /// the merge it needs.</summary>
    public static BlockLayout Layout(IReadOnlyList<BlockPart> parts)
    {
        var first = parts.Count == 0 ? 0 : parts[0].Terms.First;
        if (parts.Count == 1) return new BlockLayout(first, parts[0].Terms.Terms, [.. parts[0].Terms.Entries], []);
        var terms = new List<string>(parts.Count == 0 ? 0 : parts.Max(p => p.Terms.Terms.Count));
        var entries = new List<byte[]?>(terms.Capacity);
        var merges = new List<TermMerge>();
        var holders = new List<TermHolder>(parts.Count);
        var at = new int[parts.Count];
        while (true)
        {
            string? next = null;
            for (var p = 0; p < parts.Count; p++)
                if (at[p] < parts[p].Terms.Terms.Count
                    && (next is null || string.CompareOrdinal(parts[p].Terms.Terms[at[p]], next) < 0))
                    next = parts[p].Terms.Terms[at[p]];
            if (next is null) break;
            holders.Clear();
            for (var p = 0; p < parts.Count; p++)
                if (at[p] < parts[p].Terms.Terms.Count && parts[p].Terms.Terms[at[p]] == next)
                {
                    var part = parts[p];
                    holders.Add(new TermHolder(part.Terms.Entries[at[p]], part.Ends[at[p]], part.Terms.First));
                    at[p]++;
                }
            terms.Add(next);
            if (holders.Count == 1) entries.Add(holders[0].Entry);
            else
            {
                entries.Add(null);
                merges.Add(new TermMerge(first + "/" + next, [.. holders]));
            }
        }
        return new BlockLayout(first, terms, entries, merges);
    }

    /// <summary>The block's entries: the layout's, with the merged ones (in the order of its merges) in their places.
    /// </summary>
    public static BlockTerms Assemble(BlockLayout layout, IReadOnlyList<byte[]> merged)
    {
        var entries = new byte[layout.Entries.Count][];
        var next = 0;
        for (var t = 0; t < entries.Length; t++) entries[t] = layout.Entries[t] ?? merged[next++];
        return new BlockTerms(layout.First, layout.Terms, entries);
    }
}
