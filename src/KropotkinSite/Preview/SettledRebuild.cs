using System.Diagnostics;
using System.Threading.Channels;

namespace KropotkinSite.Preview;

/// <summary>
/// Builds while a burst of changes settles. An editor saves a file in several steps (truncate and write, or write
/// a temporary file and rename it), so a result may be served only once no change has come for a quiet period.
/// Rather than wait that period out and then build, the build begins as soon as changes pause for a moment (the
/// steps of one save come microseconds apart; a build begun between them would be void, and on a half-written page
/// a costly one): a change that comes before the quiet period after the last one has passed voids it, and it is
/// built again with every path of the burst. So a result given never holds a file that changed after its build
/// began, and the quiet period costs nothing when the build takes longer.
/// </summary>
public static class SettledRebuild
{
    /// <summary>Waits for a change, builds, and gives the first result no change came to void, with every path
    /// of the burst (as <paramref name="build"/> was last given them).</summary>
    /// <param name="pause">How long changes must have stopped before a build begins.</param>
    /// <param name="quiet">How long changes must have stopped before a result is given.</param>
    public static async Task<T> NextAsync<T>(ChannelReader<string> changes, TimeSpan pause, TimeSpan quiet,
        Func<IReadOnlyList<string>, T> build, CancellationToken cancellation)
    {
        var paths = new List<string> { await changes.ReadAsync(cancellation) };
        var lastChange = Stopwatch.GetTimestamp();
        while (true)
        {
            while (Drain(changes, paths) || ChangesWithin(changes, pause, cancellation))
                lastChange = Stopwatch.GetTimestamp();
            var given = paths.ToArray();
            var building = Task.Run(() => build(given), cancellation);
            var voided = false;
            while (!building.IsCompleted)
            {
                var waiting = changes.WaitToReadAsync(cancellation).AsTask();
                if (await Task.WhenAny(building, waiting) == waiting && await waiting && Drain(changes, paths))
                    (voided, lastChange) = (true, Stopwatch.GetTimestamp());
            }
            var result = await building;
            if (voided || changes.TryPeek(out _)) continue;
            var rest = quiet - Stopwatch.GetElapsedTime(lastChange);
            if (rest <= TimeSpan.Zero || !ChangesWithin(changes, rest, cancellation)) return result;
        }
    }

    /// <summary>Takes the changes that have come; whether there were any.</summary>
    private static bool Drain(ChannelReader<string> changes, List<string> paths)
    {
        var any = false;
        while (changes.TryRead(out var path))
        {
            paths.Add(path);
            any = true;
        }
        return any;
    }

    /// <summary>Whether a change comes within <paramref name="wait"/>. The thread waits, blocked, rather than
    /// awaiting a timer: .NET's timers run on the kernel's coarse clock (a tick of 4 ms on Linux), which made a pause
    /// of 2 ms last 4 to 8, and every edit wait that much longer to be served.</summary>
    private static bool ChangesWithin(ChannelReader<string> changes, TimeSpan wait, CancellationToken cancellation)
    {
        using var stop = new CancellationTokenSource();
        var waiting = changes.WaitToReadAsync(stop.Token).AsTask();
        try
        {
            return waiting.Wait((int)Math.Ceiling(wait.TotalMilliseconds), cancellation) && waiting.Result;
        }
        finally
        {
            stop.Cancel(); // no waiter is left behind on the channel
        }
    }
}
