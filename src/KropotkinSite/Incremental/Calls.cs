namespace KropotkinSite.Incremental;

/// <summary>One <c>Map</c> or <c>Derive</c> of a step's last run: the function, what it shared, each item and
/// the value it gave.</summary>
internal sealed record ItemsCall(Delegate Function, object? Shared, object?[] Items, object?[] Values);

/// <summary>One <c>Compute</c> of a step's last run: the function, its input and its output.</summary>
internal sealed record ComputeCall(Delegate Function, object? Input, object? Output);
