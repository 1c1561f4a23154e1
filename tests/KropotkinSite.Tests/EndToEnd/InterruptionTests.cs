using System.Diagnostics;
using System.Text;
using KropotkinSite.Tests.Support;
using Xunit.Abstractions;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// A build killed with SIGKILL at any moment (reading, rendering, writing the staging folder, swapping it in)
/// leaves the output folder exactly as one complete build made it: the previous site, or, once the atomic
/// swap has happened, the new one; never a mix, never missing. The next build succeeds and cleans up.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InterruptionTests(ITestOutputHelper output)
{
    private const int Trials = 8;
    private const int Seed = 1921;

    [LinuxFact]
    public void A_build_killed_at_random_moments_leaves_a_complete_output_and_the_next_build_succeeds()
    {
        using var site = TestSite.FromFixture("minimal");
        WriteSyntheticPages(site, version: "A");
        site.BuildSuccessfully();
        var versionA = site.Snapshot();
        WriteSyntheticPages(site, version: "B");
        site.BuildSuccessfully();
        var versionB = site.Snapshot();
        Assert.NotEqual(versionA.Keys.Count, versionB.Keys.Count); // the two versions differ in files as well as bytes

        // How long a whole build takes in a child process, so kills can land anywhere in it.
        WriteSyntheticPages(site, version: "A");
        var timing = Stopwatch.StartNew();
        using (var whole = StartDrained(site)) Assert.True(whole.WaitForExit(120_000)
            && whole.ExitCode == 0, "the child build failed");
        var duration = timing.Elapsed;
        BuildPromises.AssertSameFiles(versionA, site.Snapshot(), "the child process's build");

        var random = new Random(Seed);
        var (current, currentName) = (versionA, "A");
        var killedWhileWriting = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var (next, nextName) = currentName == "A" ? (versionB, "B") : (versionA, "A");
            WriteSyntheticPages(site, nextName);
            using var build = StartDrained(site);
            var clock = Stopwatch.StartNew();
            string when;
            if (trial % 2 == 0)
            {
                // Anywhere from start-up to the end.
                var delay = duration * (0.05 + random.NextDouble());
                while (clock.Elapsed < delay && !build.HasExited) Thread.Sleep(1);
                when = $"{delay.TotalMilliseconds:F0} ms after start";
            }
            else
            {
                // While it writes: once the staging folder appears, a little later.
                var staging = site.Output + ".staging";
                while (!Directory.Exists(staging) && !build.HasExited
                    && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(1);
                Thread.Sleep(random.Next(0, 60));
                when = $"{clock.Elapsed.TotalMilliseconds:F0} ms after start, while writing";
            }
            var exited = build.HasExited;
            if (!exited) build.Kill(); // SIGKILL
            build.WaitForExit();
            var leftStaging = Directory.Exists(site.Output + ".staging");
            if (leftStaging) killedWhileWriting++;

            var after = site.Snapshot();
            var outcome = SameFiles(after, current) ? currentName : SameFiles(after, next) ? nextName : null;
            output.WriteLine($"trial {trial}: {(exited ? "finished before the kill" : "killed")} {when}; output is " +
                $"version {outcome ?? "MIXED"}{(leftStaging ? "; a staging folder was left" : "")}");
            Assert.True(outcome is not null,
                $"trial {trial}: killed {when}, the output is neither the previous site nor the new one");

            site.BuildSuccessfully();
            BuildPromises.AssertSameFiles(next, site.Snapshot(), $"trial {trial}: the build after the kill");
            BuildPromises.AssertNothingBesideOutput(site, $"trial {trial}: after the next build");
            (current, currentName) = (next, nextName);
        }
        output.WriteLine($"{Trials} trials (seed {Seed}), a whole build takes {duration.TotalMilliseconds:F0} ms; " +
            $"{killedWhileWriting} killed while writing the staging folder.");
    }

    private static bool SameFiles(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Keys.SequenceEqual(b.Keys) && a.All(p => p.Value.AsSpan().SequenceEqual(b[p.Key]));

    /// <summary>600 pages in eight sections; version B changes every page's text and adds pages, so the two
    /// outputs differ in almost every file and in their list of files.</summary>
    private static void WriteSyntheticPages(TestSite site, string version)
    {
        var synthetic = Path.Combine(site.Input, "synthetic");
        if (Directory.Exists(synthetic)) Directory.Delete(synthetic, recursive: true);
        var pages = version == "A" ? 600 : 640;
        for (var i = 0; i < pages; i++)
        {
            var text = new StringBuilder($"---\ntitle: Page {i} ({version})\norder: {i}\n");
            if (i % 10 == 0) text.Append($"events:\n  - date: \"{1842 + i % 79}\"\n    title: Event of page {i}\n");
            text.Append("---\n");
            for (var p = 0; p < 12; p++)
                text.Append($"Paragraph {p} of page {i}, version {version}: on mutual aid among animals and " +
                    "among men, in the village community and the medieval city. ").Append("\n\n");
            text.Append($"See [the next page](/synthetic/s{(i + 1) % pages % 8}/page-{(i + 1) % pages}/).\n");
            site.Write($"synthetic/s{i % 8}/page-{i}.md", text.ToString());
        }
    }

    private static Process StartDrained(TestSite site)
    {
        var process = ChildBuild.Start(site);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
