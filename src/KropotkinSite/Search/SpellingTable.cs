namespace KropotkinSite.Search;

/// <summary>
/// What each spelling of a page stands for (a term's index, or none), looked up by the characters as they are
/// read, with a hash worked out as they come: a page says most of its words many times, and a general dictionary
/// hashing each word again costs more than all the rest of reading it.
/// </summary>
internal sealed class SpellingTable
{
    private int[] _hashes = new int[512];
    private string?[] _keys = new string?[512];
    private int[] _values = new int[512];
    private int _count;

    /// <summary>The hash <see cref="TryGetValue"/> and <see cref="Add"/> are given: FNV-1a, step by step.</summary>
    public const int Start = unchecked((int)2166136261);

    public static int Next(int hash, char c) => (hash ^ c) * 16777619;

    public bool TryGetValue(ReadOnlySpan<char> spelling, int hash, out int value)
    {
        var mask = _keys.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var key = _keys[i];
            if (key is null) break;
            if (_hashes[i] == hash && spelling.SequenceEqual(key))
            {
                value = _values[i];
                return true;
            }
        }
        value = 0;
        return false;
    }

    public void Add(string spelling, int hash, int value)
    {
        if ((_count + 1) * 2 > _keys.Length) Grow();
        Put(spelling, hash, value);
        _count++;
    }

    private void Put(string spelling, int hash, int value)
    {
        var mask = _keys.Length - 1;
        var i = hash & mask;
        while (_keys[i] is not null) i = (i + 1) & mask;
        (_keys[i], _hashes[i], _values[i]) = (spelling, hash, value);
    }

    private void Grow()
    {
        var (keys, hashes, values) = (_keys, _hashes, _values);
        _keys = new string?[keys.Length * 2];
        _hashes = new int[keys.Length * 2];
        _values = new int[keys.Length * 2];
        for (var i = 0; i < keys.Length; i++)
            if (keys[i] is { } key) Put(key, hashes[i], values[i]);
    }
}
