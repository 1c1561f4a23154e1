using System.Numerics;
using System.Runtime.CompilerServices;

namespace KropotkinSite.Search;

/// <summary>The distinct pairs of term indexes of a page (two 32-bit indexes in a 64-bit value), in the order
/// first seen: an open-addressing set, as a page adds about one pair a word. <see cref="Clear"/> makes it ready
/// for the next page, keeping its arrays; but a table that a long page grew is swapped for one the size the page
/// just read needed, so that the short pages after it do not each clear a large one.</summary>
internal sealed class PairSet
{
    private const long Empty = -1;

    private const int MinSlots = 1024;

    private long[] _table = NewSlots(MinSlots);
    private long[] _order = new long[512];
    private int _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long pair)
    {
        if ((_count + 1) * 2 > _table.Length) Grow();
        if (!Put(_table, pair)) return;
        if (_count == _order.Length) Array.Resize(ref _order, _count * 2);
        _order[_count++] = pair;
    }

    /// <summary>The pairs in the order first seen.</summary>
    public long[] ToArray() => _order.AsSpan(0, _count).ToArray();

    public void Clear()
    {
        var needed = Math.Max(MinSlots, (int)BitOperations.RoundUpToPowerOf2((uint)_count * 2));
        if (_table.Length > 4 * needed) _table = NewSlots(needed);
        else _table.AsSpan().Fill(Empty);
        _count = 0;
    }

    private static bool Put(long[] table, long pair)
    {
        var mask = table.Length - 1;
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
        _table = NewSlots(_table.Length * 2);
        foreach (var pair in _order.AsSpan(0, _count)) Put(_table, pair);
    }

    private static long[] NewSlots(int length)
    {
        var slots = new long[length];
        slots.AsSpan().Fill(Empty);
        return slots;
    }
}
