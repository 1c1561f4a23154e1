namespace KropotkinSite.Engine;

/// <summary>
/// In a one-off build, collects every generation when a pipeline ends after much was allocated since the last such
/// collection. A build works in stages: what a step makes of every page lives until a later step or pipeline has
/// read it, long enough to reach the oldest generation, and then dies all at once. The collector's budget for that
/// generation grows with what survived it, so left alone it lets the heap reach about three times what is alive
/// (at 10,000 pages: 855 MiB of heap, 312 MiB alive when the files are written). Collected when a pipeline ends,
/// that garbage is found just after it died. The collection sweeps rather than compacts: the space it frees is
/// filled again by the next pipeline, and moving every surviving page would cost more than it saves.
/// </summary>
public sealed class CollectAfterPipelines(Func<long> allocatedBytes, Action collect)
{
    /// <summary>How much must have been allocated for a collection to pay: small pipelines and small sites (a
    /// thousand pages allocate about 300 MiB in all) are left to the collector's own budgets.</summary>
    public const long Allocated = 64L << 20;

    private long _allocatedAtLastCollection;

    public CollectAfterPipelines() : this(static () => GC.GetTotalAllocatedBytes(),
        static () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false))
    {
    }

    /// <summary>Called as each pipeline ends (pipelines may end at the same time: one of them collects).</summary>
    public void PipelineEnded()
    {
        var allocated = allocatedBytes();
        var last = Interlocked.Read(ref _allocatedAtLastCollection);
        if (allocated - last < Allocated
            || Interlocked.CompareExchange(ref _allocatedAtLastCollection, allocated, last) != last) return;
        collect();
    }
}
