using System.Buffers;

namespace KropotkinSite.Search;

/// <summary>The distinct pairs of term indexes of a page (two 32-bit indexes in a 64-bit value), in the order
/// first seen: an open-addressing set, as a page adds about one pair a word. Its buffers are borrowed from the
/// shared pool, and given back by <see cref="ToArray"/>, after which the set is not used again.</summary>
internal sealed class PairSet
{
    private const long Empty = -1;

    private int _slots = 1024;
    private long[] _table = NewSlots(1024);
    private long[] _order = ArrayPool<long>.Shared.Rent(512);
    private int _count;

    public void Add(long pair)
    {
        if ((_count + 1) * 2 > _slots) Grow();
        if (!Put(_table, _slots, pair)) return;
        if (_count == _order.Length)
        {
            var larger = ArrayPool<long>.Shared.Rent(_count * 2);
            _order.CopyTo(larger, 0);
            ArrayPool<long>.Shared.Return(_order);
            _order = larger;
        }
        _order[_count++] = pair;
    }

    /// <summary>The pairs in the order first seen; gives the buffers back to the pool.</summary>
    public long[] ToArray()
    {
        var pairs = _order.AsSpan(0, _count).ToArray();
        ArrayPool<long>.Shared.Return(_table);
        ArrayPool<long>.Shared.Return(_order);
        (_table, _order, _slots, _count) = ([], [], 0, 0);
        return pairs;
    }

    private static bool Put(long[] table, int slots, long pair)
    {
        var mask = slots - 1;
        for (var i = (int)((ulong)(pair * -7046029254386353131L) >> 40) & mask; ; i = (i + 1) & mask)
        {
            if (table[i] == pair) return false;
            if (table[i] == Empty)
            {
                table[i] = pair;
                return true;
            }
        }
    }

    private void Grow()
    {
        ArrayPool<long>.Shared.Return(_table);
        _slots *= 2;
        _table = NewSlots(_slots);
        foreach (var pair in _order.AsSpan(0, _count)) Put(_table, _slots, pair);
    }

    private static long[] NewSlots(int length)
    {
        var slots = ArrayPool<long>.Shared.Rent(length);
        slots.AsSpan(0, length).Fill(Empty);
        return slots;
    }
}
