using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace KropotkinSite.Preview;

/// <summary>
/// The files of a served site, by their path below the site root: a flat dictionary of them as they were some
/// rebuilds ago, and what changed since, kept apart, so that a rebuild that changes a few files makes the next site
/// without copying the tens of thousands of others. Once the changes grow to a good part of the whole they are
/// folded into a new flat dictionary. Never changed once made.
/// </summary>
public sealed class SiteFiles : IReadOnlyDictionary<string, ReadOnlyMemory<byte>>
{
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _base;
    private readonly Dictionary<string, ReadOnlyMemory<byte>?> _changes; // null: removed

    private SiteFiles(Dictionary<string, ReadOnlyMemory<byte>> flat, Dictionary<string, ReadOnlyMemory<byte>?> changes,
        int count) => (_base, _changes, Count) = (flat, changes, count);

    public static SiteFiles Of(IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> files) =>
        Flat(new Dictionary<string, ReadOnlyMemory<byte>>(files, StringComparer.Ordinal));

    private static SiteFiles Flat(Dictionary<string, ReadOnlyMemory<byte>> files) =>
        new(files, new Dictionary<string, ReadOnlyMemory<byte>?>(StringComparer.Ordinal), files.Count);

    /// <summary>These files without <paramref name="removed"/>, then with <paramref name="written"/>.</summary>
    public SiteFiles With(IEnumerable<string> removed, IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> written)
    {
        var changes = new Dictionary<string, ReadOnlyMemory<byte>?>(_changes, StringComparer.Ordinal);
        var count = Count;
        foreach (var path in removed)
            if (Find(_base, changes, path, out _))
            {
                changes[path] = null;
                count--;
            }
        foreach (var (path, content) in written)
        {
            if (!Find(_base, changes, path, out _)) count++;
            changes[path] = content;
        }
        var next = new SiteFiles(_base, changes, count);
        return changes.Count > Math.Max(64, _base.Count / 8) ? Of(next) : next;
    }

    public int Count { get; }

    public ReadOnlyMemory<byte> this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => this.Select(file => file.Key);

    public IEnumerable<ReadOnlyMemory<byte>> Values => this.Select(file => file.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ReadOnlyMemory<byte> value) =>
        Find(_base, _changes, key, out value);

    public IEnumerator<KeyValuePair<string, ReadOnlyMemory<byte>>> GetEnumerator()
    {
        foreach (var file in _base)
            if (!_changes.ContainsKey(file.Key))
                yield return file;
        foreach (var (path, content) in _changes)
            if (content is { } bytes)
                yield return new(path, bytes);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool Find(Dictionary<string, ReadOnlyMemory<byte>> flat,
        Dictionary<string, ReadOnlyMemory<byte>?> changes, string path, out ReadOnlyMemory<byte> value)
    {
        if (changes.TryGetValue(path, out var changed))
        {
            value = changed.GetValueOrDefault();
            return changed is not null;
        }
        return flat.TryGetValue(path, out value);
    }
}
