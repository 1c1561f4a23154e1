namespace KropotkinSite.Incremental;

/// <summary>One <c>Map</c> or <c>Derive</c> of a step's last run: the function, what it shared, the items and the
/// value each gave (for a <c>Map</c>, also the documents it gave back).</summary>
internal sealed record ItemsCall<TItem, T>(Delegate Function, object? Shared, IReadOnlyList<TItem> Items, T[] Values)
{
    public object? Outputs { get; set; }
}

/// <summary>One <c>Compute</c> of a step's last run: the function, its input and its output.</summary>
internal sealed record ComputeCall(Delegate Function, object? Input, object? Output);
