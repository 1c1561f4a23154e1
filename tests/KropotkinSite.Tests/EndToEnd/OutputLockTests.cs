using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// One writer at a time: while a preview writes an output folder, a second build or preview of it waits a
/// moment, then exits 2 naming the process that holds the folder's lock; a lock whose process died is taken over.
/// </summary>
[Trait("Category", "Slow")]
public sealed class OutputLockTests
{
    [LinuxTheory]
    [InlineData("build")]
    [InlineData("preview")]
    public void A_second_writer_of_the_same_output_exits_2_naming_the_preview_that_holds_it(string second)
    {
        using var site = TestSite.FromFixture("minimal");
        using var preview = ChildCommand.Start(site, "preview", "--port", "0");
        var address = preview.WaitForServing();
        var before = site.Snapshot();

        string[] more = second == "preview" ? ["--port", "0"] : [];
        using var other = ChildCommand.Run(site, second, more);

        Assert.True(other.ExitCode == 2, $"the second {second}: {other.Printed}");
        Assert.Contains($"process {preview.Id} (KropotkinSite preview at {address})", other.Stderr);
        Assert.Contains(".output.lock", other.Stderr);
        Assert.DoesNotContain("   at ", other.Stderr);
        BuildPromises.AssertSameFiles(before, site.Snapshot(), $"after the second {second}");
        Assert.False(preview.HasExited, $"the preview stopped: {preview.Printed}");
    }

    [LinuxFact]
    public void A_lock_left_by_a_process_that_no_longer_exists_is_taken_over()
    {
        using var site = TestSite.FromFixture("minimal");
        int dead;
        using (var ended = ChildCommand.Run(site, "--help")) dead = ended.Id; // a process that existed and has ended
        File.WriteAllText(Path.Combine(site.Root, ".output.lock"),
            $"pid {dead}\nKropotkinSite build\nsince 2026-01-01 00:00:00 UTC\n");

        using var build = ChildCommand.Run(site, "build");

        Assert.True(build.ExitCode == 0, build.Printed);
        Assert.Contains($"left by process {dead} (KropotkinSite build)", build.Stdout);
        Assert.True(site.OutputExists("index.html"));
        BuildPromises.AssertNothingBesideOutput(site, "after taking the lock over");
    }

    [LinuxFact]
    public void A_lock_held_by_a_build_killed_with_SIGKILL_is_taken_over_by_the_next_build()
    {
        using var site = TestSite.FromFixture("minimal");
        using (var preview = ChildCommand.Start(site, "preview", "--port", "0"))
        {
            preview.WaitForServing();
            preview.Signal("SIGKILL");
            Assert.True(preview.WaitForExit(TimeSpan.FromSeconds(20)));
        }
        Assert.Contains("KropotkinSite preview", File.ReadAllText(Path.Combine(site.Root, ".output.lock")));

        using var build = ChildCommand.Run(site, "build");

        Assert.True(build.ExitCode == 0, build.Printed);
        Assert.Contains("Took over the lock", build.Stdout);
        BuildPromises.AssertNothingBesideOutput(site, "after taking the lock over");
    }
}
