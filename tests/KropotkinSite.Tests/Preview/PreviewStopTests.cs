using System.Diagnostics;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Preview;

/// <summary>
/// <c>preview</c> run as a user runs it (a child process) stops on the signals process managers, terminals and
/// Ctrl+C send, even while a browser holds its live-reload stream open: it ends the stream, exits 0, lets go of
/// the output folder's lock and leaves the output folder whole.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PreviewStopTests
{
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(2);

    [LinuxTheory]
    [InlineData("SIGTERM", 15)]
    [InlineData("SIGINT", 2)]
    [InlineData("SIGHUP", 1)]
    public void Preview_stops_within_two_seconds_and_exits_0_with_a_live_reload_stream_open(string signal, int number)
    {
        using var site = TestSite.FromFixture("minimal");
        using var preview = ChildCommand.Start(site, "preview", "--port", "0");
        var address = preview.WaitForServing();
        Assert.False(preview.Ignores(number),
            $"cannot test {signal}: this test process ignores it, and so does the preview it starts " +
            "(started in the background without job control?)");
        using var browser = EventStream.Open(address);

        preview.Signal(signal);
        var clock = Stopwatch.StartNew();
        var stopped = preview.WaitForExit(Promised);
        var took = clock.Elapsed;
        if (!stopped) preview.WaitForExit(TimeSpan.FromSeconds(20));

        var late = preview.HasExited ? $"it stopped after {clock.Elapsed.TotalSeconds:F1} s" : "and 20 s later";
        Assert.True(stopped, $"{signal}: still running {Promised.TotalSeconds} s later ({late}):\n{preview.Printed}");
        Assert.True(preview.ExitCode == 0,
            $"{signal}: exit {preview.ExitCode} after {took.TotalMilliseconds:F0} ms:\n{preview.Printed}");
        Assert.Contains("Stopped.", preview.Stdout);
        Assert.True(SpinWait.SpinUntil(() => browser.Ended, TimeSpan.FromSeconds(5)),
            "the live-reload stream was left open");
        Assert.Null(FullBuild.DifferenceFrom(site));
        BuildPromises.AssertNothingBesideOutput(site, $"after {signal}");
    }
}
