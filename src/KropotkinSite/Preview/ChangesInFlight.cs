namespace KropotkinSite.Preview;

/// <summary>
/// Whether changes the watcher has seen are still being built. A page asked for meanwhile waits for that build (for
/// <see cref="MaxWait"/> at most), so a reload just after a save gets the new page, not the one the save made stale,
/// and comes as soon as the build is published rather than on the next try.
/// </summary>
public sealed class ChangesInFlight
{
    /// <summary>How long a request waits at most: a long rebuild (a theme edit on a large site) is not worth
    /// holding a request for; it gets the last site, and the live reload brings the new one.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private TaskCompletionSource? _settled;

    /// <summary>Changes have come: requests wait from now until <see cref="Settled"/>.</summary>
    public void Seen()
    {
        lock (_lock) _settled ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The changes seen are built and published, or the build failed: waiting requests go on.</summary>
    public void Settled()
    {
        TaskCompletionSource? settled;
        lock (_lock) (settled, _settled) = (_settled, null);
        settled?.TrySetResult();
    }

    /// <summary>Completes once no change is in flight, after <see cref="MaxWait"/>, or when cancelled.</summary>
    public async Task WaitAsync(CancellationToken cancellation)
    {
        Task? settled;
        lock (_lock) settled = _settled?.Task;
        if (settled is null) return;
        try
        {
            await settled.WaitAsync(MaxWait, cancellation);
        }
        catch (TimeoutException)
        {
        }
    }
}
