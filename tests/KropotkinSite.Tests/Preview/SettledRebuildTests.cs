using System.Collections.Concurrent;
using System.Threading.Channels;
using KropotkinSite.Preview;

namespace KropotkinSite.Tests.Preview;

/// <summary>A build begun at the first change of a burst is given only when no change came before the quiet period
/// after the last one had passed: a save in several steps is one change, and no result holds a file half
/// written.</summary>
public sealed class SettledRebuildTests
{
    private static readonly TimeSpan LongQuiet = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task A_change_that_comes_while_the_build_runs_voids_it_and_the_burst_is_built_again()
    {
        var changes = Channel.CreateUnbounded<string>();
        var building = new SemaphoreSlim(0);
        var goOn = new SemaphoreSlim(0);
        var builds = new ConcurrentQueue<string[]>();
        changes.Writer.TryWrite("/site/a.md"); // truncated

        var next = SettledRebuild.NextAsync(changes.Reader, Pause, TimeSpan.Zero, paths =>
        {
            builds.Enqueue([.. paths]);
            if (builds.Count == 1)
            {
                building.Release();
                goOn.Wait();
            }
            return string.Join(",", paths);
        }, CancellationToken.None);
        await building.WaitAsync();
        changes.Writer.TryWrite("/site/a.md"); // written
        goOn.Release();

        Assert.Equal("/site/a.md,/site/a.md", await next);
        Assert.Equal(2, builds.Count);
    }

    [Fact]
    public async Task A_change_within_the_quiet_period_after_the_build_voids_it_too()
    {
        var changes = Channel.CreateUnbounded<string>();
        var builds = 0;
        changes.Writer.TryWrite("/site/a.md.tmp");

        var result = await SettledRebuild.NextAsync(changes.Reader, Pause, LongQuiet, paths =>
        {
            if (Interlocked.Increment(ref builds) == 1)
                _ = Task.Run(async () =>
                {
                    await Task.Delay(50); // after the build, well within the quiet period
                    changes.Writer.TryWrite("/site/a.md"); // renamed into place
                });
            return paths.Count;
        }, CancellationToken.None);

        Assert.Equal(2, builds);
        Assert.Equal(2, result);
    }

    [Fact]
    public async Task The_steps_of_one_save_that_have_come_are_built_once_together()
    {
        var changes = Channel.CreateUnbounded<string>();
        var builds = new ConcurrentQueue<string[]>();
        changes.Writer.TryWrite("/site/a.md.tmp");
        changes.Writer.TryWrite("/site/a.md.tmp");
        changes.Writer.TryWrite("/site/a.md");

        await SettledRebuild.NextAsync(changes.Reader, Pause, TimeSpan.Zero, paths =>
        {
            builds.Enqueue([.. paths]);
            return 0;
        }, CancellationToken.None);

        Assert.Equal(["/site/a.md.tmp", "/site/a.md.tmp", "/site/a.md"], Assert.Single(builds));
    }

    [Fact]
    public async Task A_lone_change_is_built_once_and_given_after_the_quiet_period()
    {
        var changes = Channel.CreateUnbounded<string>();
        var builds = 0;
        changes.Writer.TryWrite("/site/a.md");

        var result = await SettledRebuild.NextAsync(changes.Reader, Pause, TimeSpan.FromMilliseconds(20), paths =>
        {
            Interlocked.Increment(ref builds);
            return paths.Single();
        }, CancellationToken.None);

        Assert.Equal("/site/a.md", result);
        Assert.Equal(1, builds);
        Assert.False(changes.Reader.TryRead(out _));
    }
}
