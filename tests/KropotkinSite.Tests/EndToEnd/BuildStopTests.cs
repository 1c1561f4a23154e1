using System.Text;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// A build stopped by SIGTERM (what <c>docker stop</c>, systemd and CI runners send) while it writes leaves the
/// previous output exactly as it was and nothing beside it, and exits 143 as a shell expects.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BuildStopTests
{
    [LinuxFact]
    public void A_build_stopped_by_SIGTERM_while_writing_leaves_the_previous_output_and_exits_143()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        // The signal must land while the build writes: try a few times, in case a build finishes first.
        var trials = new StringBuilder();
        for (var trial = 0; trial < 5; trial++)
        {
            var before = site.Snapshot();
            for (var i = 0; i < 400; i++)
            {
                var text = string.Concat(Enumerable.Repeat($"Trial {trial}, page {i}. ", 400));
                site.Write($"many/page-{i}.md", $"---\ntitle: Page {i}\n---\n{text}");
            }
            using var build = ChildCommand.Start(site, "build");
            while (!Directory.Exists(site.Output + ".staging") && !build.HasExited) Thread.Sleep(1);
            if (!build.HasExited) build.Signal("SIGTERM");
            Assert.True(build.WaitForExit(TimeSpan.FromMinutes(2)), build.Printed);
            trials.AppendLine($"trial {trial}: exit {build.ExitCode}");
            if (build.ExitCode == 0) continue; // it finished first: its output is the previous one of the next trial

            Assert.True(build.ExitCode == 143, build.Printed);
            Assert.Contains("Stopped by SIGTERM", build.Stderr);
            BuildPromises.AssertSameFiles(before, site.Snapshot(), "after SIGTERM");
            BuildPromises.AssertNothingBesideOutput(site, "after SIGTERM");
            return;
        }
        Assert.Fail($"every build finished before SIGTERM reached it, so nothing was tested:\n{trials}");
    }
}
