namespace KropotkinSite.Engine;

/// <summary>
/// What is known about a document: values by key, immutable. A document has a dozen keys at most, so they are one
/// array of pairs in the order of their keys, copied on each change: a build keeps tens of thousands of documents
/// alive at once, and an immutable dictionary held each of their values in an object of its own, which every
/// collection of the heap had to visit.
/// </summary>
public sealed class DocumentMetadata
{
    public static readonly DocumentMetadata Empty = new([]);

    private readonly KeyValuePair<string, object?>[] _entries;

    private DocumentMetadata(KeyValuePair<string, object?>[] entries) => _entries = entries;

    public int Count => _entries.Length;

    /// <summary>The entries, in the ordinal order of their keys.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Entries => _entries;

    public bool TryGetValue(string key, out object? value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _entries[at].Value : null;
        return at >= 0;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public DocumentMetadata SetItem(string key, object? value)
    {
        var at = IndexOf(key);
        if (at >= 0)
        {
            var changed = (KeyValuePair<string, object?>[])_entries.Clone();
            changed[at] = new(key, value);
            return new DocumentMetadata(changed);
        }
        var insertAt = ~at;
        var added = new KeyValuePair<string, object?>[_entries.Length + 1];
        Array.Copy(_entries, added, insertAt);
        added[insertAt] = new(key, value);
        Array.Copy(_entries, insertAt, added, insertAt + 1, _entries.Length - insertAt);
        return new DocumentMetadata(added);
    }

    public DocumentMetadata Remove(string key)
    {
        var at = IndexOf(key);
        if (at < 0) return this;
        var left = new KeyValuePair<string, object?>[_entries.Length - 1];
        Array.Copy(_entries, left, at);
        Array.Copy(_entries, at + 1, left, at, left.Length - at);
        return new DocumentMetadata(left);
    }

    /// <summary>Where the key is; if absent, the complement of where it would go.</summary>
    private int IndexOf(string key)
    {
        int low = 0, high = _entries.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(_entries[middle].Key, key);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }
}
