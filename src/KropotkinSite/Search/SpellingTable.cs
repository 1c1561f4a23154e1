using System.Buffers;

namespace KropotkinSite.Search;

/// <summary>
/// What each spelling of a page stands for (a term's index, or none), looked up by the characters as they are
/// read, with a hash worked out as they come: a page says most of its words many times, and a general dictionary
/// hashing each word again costs more than all the rest of reading it. The spellings are kept as characters in one
/// buffer, not a string each, and the buffers are borrowed from the shared pool until <see cref="Release"/>.
/// </summary>
internal sealed class SpellingTable
{
    private const int StartSlots = 512;

    private int[] _hashes = ArrayPool<int>.Shared.Rent(StartSlots);
    private int[] _starts = ArrayPool<int>.Shared.Rent(StartSlots); // where a spelling starts in _chars, -1: none
    private int[] _lengths = ArrayPool<int>.Shared.Rent(StartSlots);
    private int[] _values = ArrayPool<int>.Shared.Rent(StartSlots);
    private char[] _chars = ArrayPool<char>.Shared.Rent(StartSlots * 8);
    private int _slots = StartSlots, _count, _used;

    public SpellingTable() => _starts.AsSpan(0, _slots).Fill(-1);

    /// <summary>The hash <see cref="TryGetValue"/> and <see cref="Add"/> are given: FNV-1a, step by step.</summary>
    public const int Start = unchecked((int)2166136261);

    public static int Next(int hash, char c) => (hash ^ c) * 16777619;

    public bool TryGetValue(ReadOnlySpan<char> spelling, int hash, out int value)
    {
        var mask = _slots - 1;
        for (var i = hash & mask; _starts[i] >= 0; i = (i + 1) & mask)
            if (_hashes[i] == hash && spelling.SequenceEqual(_chars.AsSpan(_starts[i], _lengths[i])))
            {
                value = _values[i];
                return true;
            }
        value = 0;
        return false;
    }

    public void Add(ReadOnlySpan<char> spelling, int hash, int value)
    {
        if ((_count + 1) * 2 > _slots) Grow();
        if (_used + spelling.Length > _chars.Length)
            Resize(ref _chars, Math.Max(_chars.Length * 2, _used + spelling.Length));
        spelling.CopyTo(_chars.AsSpan(_used));
        Put(_used, spelling.Length, hash, value);
        _used += spelling.Length;
        _count++;
    }

    /// <summary>Gives the buffers back to the pool: the table is not used again.</summary>
    public void Release()
    {
        ArrayPool<int>.Shared.Return(_hashes);
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_lengths);
        ArrayPool<int>.Shared.Return(_values);
        ArrayPool<char>.Shared.Return(_chars);
        (_hashes, _starts, _lengths, _values, _chars) = ([], [], [], [], []);
    }

    private void Put(int start, int length, int hash, int value)
    {
        var mask = _slots - 1;
        var i = hash & mask;
        while (_starts[i] >= 0) i = (i + 1) & mask;
        (_starts[i], _lengths[i], _hashes[i], _values[i]) = (start, length, hash, value);
    }

    private void Grow()
    {
        var (hashes, starts, lengths, values, slots) = (_hashes, _starts, _lengths, _values, _slots);
        _slots = slots * 2;
        _hashes = ArrayPool<int>.Shared.Rent(_slots);
        _starts = ArrayPool<int>.Shared.Rent(_slots);
        _lengths = ArrayPool<int>.Shared.Rent(_slots);
        _values = ArrayPool<int>.Shared.Rent(_slots);
        _starts.AsSpan(0, _slots).Fill(-1);
        for (var i = 0; i < slots; i++)
            if (starts[i] >= 0) Put(starts[i], lengths[i], hashes[i], values[i]);
        ArrayPool<int>.Shared.Return(hashes);
        ArrayPool<int>.Shared.Return(starts);
        ArrayPool<int>.Shared.Return(lengths);
        ArrayPool<int>.Shared.Return(values);
    }

    private static void Resize(ref char[] chars, int length)
    {
        var larger = ArrayPool<char>.Shared.Rent(length);
        chars.CopyTo(larger, 0);
        ArrayPool<char>.Shared.Return(chars);
        chars = larger;
    }
}
