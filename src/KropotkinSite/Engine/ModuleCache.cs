using System.Collections.Concurrent;

namespace KropotkinSite.Engine;

/// <summary>
/// Remembers what per-document module steps produced, across the runs of one preview session, so a rebuild
/// redoes only the documents whose inputs changed. A step's result is keyed by the step and the input
/// document's <c>fingerprint</c> (a hash of everything the result depends on); the errors it reported are
/// kept too and reported again on a hit, so a rebuild reports exactly what a full build would.
/// Entries a run did not use are dropped at its end, once enough were added. Steps may also keep one object
/// each from run to run (<see cref="Keep"/>), such as what they made of each document last time.
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
    private int _addedSinceSweep;

    public int Hits;
    public int Misses;

    /// <summary>The files (absolute paths) a watcher saw change since the last run that finished, or null when
    /// that is not known (the first run, or a watcher that lost track): then every file is checked.</summary>
    public IReadOnlySet<string>? FilesChanged { get; set; }

    public void BeginRun()
    {
        Interlocked.Increment(ref _run);
        Hits = 0;
        Misses = 0;
    }

    /// <summary>Drops the entries this run did not use, once a few hundred were added since the last time (after
    /// a one-page edit, walking every entry would cost more than the rest of the rebuild; a long session of edits
    /// to one page keeps no more than that many of its old versions).</summary>
    public void EndRun()
    {
        if (_addedSinceSweep < 256 + _entries.Count / 100) return;
        _addedSinceSweep = 0;
        foreach (var holder in _kept.Values.OfType<IHoldEntries>())
            foreach (var held in holder.Entries) held.Run = _run; // reused by reference this run, without a lookup
        foreach (var (key, entry) in _entries)
            if (entry.Run != _run) _entries.TryRemove(key, out _);
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

    public Entry Add(string step, string key, Document? output, ContentError[] errors)
    {
        Interlocked.Increment(ref _addedSinceSweep);
        return _entries[(step, key)] = new Entry(output, errors, _run);
    }

    /// <summary>Counts results a step took from what it kept, without looking them up here.</summary>
    public void CountReused(int count) => Interlocked.Add(ref Hits, count);

    /// <summary>What a step keeps that holds entries: they stay while it keeps them.</summary>
    public interface IHoldEntries
    {
        IEnumerable<Entry> Entries { get; }
    }

    /// <summary>What a step kept from its last run (such as the index it built), or null on its first run. The
    /// step checks that what it kept still holds before using it.</summary>
    public T? Recall<T>(string step) where T : class => _kept.GetValueOrDefault(step) as T;

    /// <summary>Keeps something for the step's next run, replacing what it kept before.</summary>
    public void Keep(string step, object value) => _kept[step] = value;
}
