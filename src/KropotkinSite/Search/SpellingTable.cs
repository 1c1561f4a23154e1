using System.Runtime.CompilerServices;

namespace KropotkinSite.Search;

/// <summary>
/// What each spelling (a word of lower-case ASCII letters and digits) stands for, as a number, looked up by a key
/// (<see cref="KeyOf"/>): a spelling of up to eight characters is its own key (a character a byte), so it is found
/// without comparing characters; a longer one is found by a hash of its characters and then compared. Kept across
/// the pages one thread reads, as they say the same words: most lookups find the word.
/// </summary>
internal sealed class SpellingTable
{
    /// <summary>The longest spelling whose key is the spelling itself.</summary>
    public const int PackedLength = 8;

    /// <summary>A slot: a spelling's key, its length (0: an empty slot), where its characters start in
    /// <see cref="_chars"/> (for a spelling longer than <see cref="PackedLength"/>) and its value.</summary>
    private struct Slot
    {
        public ulong Key;
        public int Length, Start, Value;
    }

    private Slot[] _slots = new Slot[1024];
    private char[] _chars = new char[4096];
    private int _used;

    public int Count { get; private set; }

    /// <summary>The key of a spelling: for one of up to <see cref="PackedLength"/> characters, its characters, a
    /// byte each, the first in the lowest byte (as <see cref="AsciiRun"/> reads it); for a longer one, a hash.
    /// </summary>
    public static ulong KeyOf(ReadOnlySpan<char> spelling)
    {
        ulong key = 0;
        if (spelling.Length <= PackedLength)
        {
            for (var i = 0; i < spelling.Length; i++) key |= (ulong)spelling[i] << (8 * i);
            return key;
        }
        key = 14695981039346656037; // FNV-1a, 64 bits
        foreach (var c in spelling) key = (key ^ c) * 1099511628211;
        return key;
    }

    /// <summary>Looks up a spelling of up to <see cref="PackedLength"/> characters by its key alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, int length, out int value)
    {
        var mask = _slots.Length - 1;
        for (var i = SlotOf(key, mask); _slots[i].Length != 0; i = (i + 1) & mask)
            if (_slots[i].Key == key && _slots[i].Length == length)
            {
                value = _slots[i].Value;
                return true;
            }
        value = 0;
        return false;
    }

    public bool TryGetValue(ReadOnlySpan<char> spelling, ulong key, out int value)
    {
        if (spelling.Length <= PackedLength) return TryGetValue(key, spelling.Length, out value);
        var mask = _slots.Length - 1;
        for (var i = SlotOf(key, mask); _slots[i].Length != 0; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Key == key && slot.Length == spelling.Length
                && spelling.SequenceEqual(_chars.AsSpan(slot.Start, slot.Length)))
            {
                value = slot.Value;
                return true;
            }
        }
        value = 0;
        return false;
    }

    /// <summary>Adds a spelling that is not in the table yet.</summary>
    public void Add(ReadOnlySpan<char> spelling, ulong key, int value)
    {
        if ((Count + 1) * 2 > _slots.Length) Grow();
        var start = 0;
        if (spelling.Length > PackedLength)
        {
            if (_used + spelling.Length > _chars.Length)
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + spelling.Length));
            spelling.CopyTo(_chars.AsSpan(_used));
            start = _used;
            _used += spelling.Length;
        }
        Put(_slots, new Slot { Key = key, Length = spelling.Length, Start = start, Value = value });
        Count++;
    }

    public void Clear()
    {
        Array.Clear(_slots);
        (Count, _used) = (0, 0);
    }

    private static int SlotOf(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15) >> 40) & mask;

    private static void Put(Slot[] slots, Slot slot)
    {
        var mask = slots.Length - 1;
        var i = SlotOf(slot.Key, mask);
        while (slots[i].Length != 0) i = (i + 1) & mask;
        slots[i] = slot;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        foreach (var slot in old)
            if (slot.Length != 0) Put(_slots, slot);
    }
}
