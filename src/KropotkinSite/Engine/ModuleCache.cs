using System.Collections.Concurrent;

namespace KropotkinSite.Engine;

/// <summary>
/// Remembers what per-document module steps produced, across the runs of one preview session, so a rebuild
/// redoes only the documents whose inputs changed. A step's result is keyed by the step and the input
/// document's <c>fingerprint</c> (a hash of everything the result depends on); the errors it reported are
/// kept too and reported again on a hit, so a rebuild reports exactly what a full build would.
/// Entries not used in a run are dropped at its end.
/// </summary>
public sealed class ModuleCache
{
    public const string Fingerprint = "fingerprint";

    private sealed class Entry(Document? output, ContentError[] errors, int run)
    {
        public Document? Output { get; } = output;
        public ContentError[] Errors { get; } = errors;
        public int Run = run; // the last run that used it; written in place, so a hit costs one lookup
    }

    private readonly ConcurrentDictionary<(string Step, string Key), Entry> _entries = new();
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
        if (_entries.TryGetValue((step, key), out var entry))
        {
            entry.Run = _run;
            output = entry.Output;
            errors = entry.Errors;
            Interlocked.Increment(ref Hits);
            return true;
        }
        output = null;
        errors = [];
        Interlocked.Increment(ref Misses);
        return false;
    }

    /// <summary>Drops every entry whose key starts with a prefix (for example a file the watcher saw change).</summary>
    public void Forget(string keyPrefix)
    {
        foreach (var key in _entries.Keys)
            if (key.Key.StartsWith(keyPrefix, StringComparison.Ordinal)) _entries.TryRemove(key, out _);
    }

    public void Set(string step, string key, Document? output, ContentError[] errors) =>
        _entries[(step, key)] = new Entry(output, errors, _run);
}
