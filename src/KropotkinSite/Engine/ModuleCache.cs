using System.Collections.Concurrent;

namespace KropotkinSite.Engine;

/// <summary>
/// Remembers what per-document module steps produced, across the runs of one preview session, so a rebuild
/// redoes only the documents whose inputs changed. A step's result is keyed by the step and the input
/// document's <c>fingerprint</c> (a hash of everything the result depends on); the errors it reported are
/// kept too and reported again on a hit, so a rebuild reports exactly what a full build would.
/// Entries not used in a run are dropped at its end. Steps may also keep one object each from run to run
/// (<see cref="Keep"/>), such as what they made of each document last time.
/// </summary>
public sealed class ModuleCache
{
    public const string Fingerprint = "fingerprint";

    /// <summary>One remembered result.</summary>
    public sealed class Entry(Document? output, ContentError[] errors, int run)
    {
        public Document? Output { get; } = output;
        public ContentError[] Errors { get; } = errors;
        internal int Run = run; // the last run that used it; written in place, so a hit costs one lookup
    }

    private readonly ConcurrentDictionary<(string Step, string Key), Entry> _entries = new();
    private readonly ConcurrentDictionary<string, object> _kept = new(StringComparer.Ordinal);
    private int _run;

    public int Hits;
    public int Misses;

    public void BeginRun()
    {
        Interlocked.Increment(ref _run);
        Hits = 0;
        Misses = 0;
    }

    public void EndRun()
    {
        foreach (var (key, entry) in _entries)
            if (entry.Run != _run) _entries.TryRemove(key, out _);
    }

    public bool TryGet(string step, string key, out Document? output, out ContentError[] errors)
    {
        var entry = Find(step, key);
        output = entry?.Output;
        errors = entry?.Errors ?? [];
        return entry is not null;
    }

    /// <summary>The result remembered for a key, now marked as used in this run; null when there is none.</summary>
    public Entry? Find(string step, string key)
    {
        if (_entries.TryGetValue((step, key), out var entry))
        {
            entry.Run = _run;
            Interlocked.Increment(ref Hits);
            return entry;
        }
        Interlocked.Increment(ref Misses);
        return null;
    }

    public void Set(string step, string key, Document? output, ContentError[] errors) => Add(step, key, output, errors);

    public Entry Add(string step, string key, Document? output, ContentError[] errors) =>
        _entries[(step, key)] = new Entry(output, errors, _run);

    /// <summary>Marks a result as used in this run without looking it up, and counts it as reused.</summary>
    public void Reuse(Entry entry)
    {
        entry.Run = _run;
        Interlocked.Increment(ref Hits);
    }

    /// <summary>Drops every entry whose key starts with a prefix (for example a file the watcher saw change).</summary>
    public void Forget(string keyPrefix)
    {
        foreach (var key in _entries.Keys)
            if (key.Key.StartsWith(keyPrefix, StringComparison.Ordinal)) _entries.TryRemove(key, out _);
    }

    /// <summary>What a step kept from its last run (such as the index it built), or null on its first run. The
    /// step checks that what it kept still holds before using it.</summary>
    public T? Recall<T>(string step) where T : class => _kept.GetValueOrDefault(step) as T;

    /// <summary>Keeps something for the step's next run, replacing what it kept before.</summary>
    public void Keep(string step, object value) => _kept[step] = value;
}
