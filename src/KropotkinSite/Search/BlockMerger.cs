namespace KropotkinSite.Search;

/// <summary>
/// Makes the entries of a block of pages from those of the smaller blocks it is made of (consecutive, in order):
/// the same entries as turning the whole block around (<see cref="BlockInverter"/>), at the cost of copying bytes.
/// A term on the pages of one part alone keeps that part's entry as it is.
/// </summary>
public static class BlockMerger
{
    public static BlockTerms Merge(IReadOnlyList<BlockPart> parts)
    {
        if (parts.Count == 1) return parts[0].Terms;
        // The terms of all parts in order; where each part's terms stand among them; which parts have each.
        var terms = new List<string>(parts.Count == 0 ? 0 : parts.Max(p => p.Terms.Terms.Count));
        var blockIndexes = parts.Select(p => new int[p.Terms.Terms.Count]).ToArray();
        var holders = new List<(int Part, int Index)>(terms.Capacity * 2);
        var holdersOf = new List<int>(terms.Capacity + 1);
        var at = new int[parts.Count];
        while (true)
        {
            string? next = null;
            for (var p = 0; p < parts.Count; p++)
                if (at[p] < blockIndexes[p].Length
                    && (next is null || string.CompareOrdinal(parts[p].Terms.Terms[at[p]], next) < 0))
                    next = parts[p].Terms.Terms[at[p]];
            if (next is null) break;
            holdersOf.Add(holders.Count);
            for (var p = 0; p < parts.Count; p++)
                if (at[p] < blockIndexes[p].Length && parts[p].Terms.Terms[at[p]] == next)
                {
                    blockIndexes[p][at[p]] = terms.Count;
                    holders.Add((p, at[p]++));
                }
            terms.Add(next);
        }
        holdersOf.Add(holders.Count);

        var merger = new EntryMerger(terms.Count);
        var entries = new byte[terms.Count][];
        var merged = new (BlockPart Part, int Index, int[] BlockIndexes)[parts.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            var (from, to) = (holdersOf[t], holdersOf[t + 1]);
            if (to - from == 1)
            {
                var (p, i) = holders[from];
                entries[t] = parts[p].Terms.Entries[i];
                continue;
            }
            for (var h = from; h < to; h++)
            {
                var (p, i) = holders[h];
                merged[h - from] = (parts[p], i, blockIndexes[p]);
            }
            entries[t] = merger.Merge(merged.AsSpan(0, to - from));
        }
        return new BlockTerms(parts.Count == 0 ? 0 : parts[0].Terms.First, terms, entries);
    }
}
