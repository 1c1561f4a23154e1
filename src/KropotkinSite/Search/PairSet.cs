namespace KropotkinSite.Search;

/// <summary>The distinct pairs of term indexes of a page (two 32-bit indexes in a 64-bit value), in the order
/// first seen: an open-addressing set, as a page adds about one pair a word.</summary>
internal sealed class PairSet
{
    private const long Empty = -1;

    private long[] _slots = NewSlots(1024);
    private readonly List<long> _order = [];

    public void Add(long pair)
    {
        if ((_order.Count + 1) * 2 > _slots.Length) Grow();
        if (Put(_slots, pair)) _order.Add(pair);
    }

    public long[] ToArray() => [.. _order];

    private static bool Put(long[] slots, long pair)
    {
        var mask = slots.Length - 1;
        for (var i = (int)((ulong)(pair * -7046029254386353131L) >> 40) & mask; ; i = (i + 1) & mask)
        {
            if (slots[i] == pair) return false;
            if (slots[i] == Empty)
            {
                slots[i] = pair;
                return true;
            }
        }
    }

    private void Grow()
    {
        _slots = NewSlots(_slots.Length * 2);
        foreach (var pair in _order) Put(_slots, pair);
    }

    private static long[] NewSlots(int length)
    {
        var slots = new long[length];
        Array.Fill(slots, Empty);
        return slots;
    }
}
