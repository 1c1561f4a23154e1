using System.Diagnostics;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// A build whose output folder cannot be written, on a full disk (a small tmpfs) or a read-only one, exits 1 with
/// the path and the reason in the system's words and no stack trace, and leaves the previous output as it was,
/// with nothing left beside it. Mounting needs root: without it these tests fail and say so, never pass unrun.
/// </summary>
[Trait("Category", "Slow")]
public sealed class UnwritableOutputTests
{
    [LinuxFact]
    public void A_build_onto_a_full_disk_exits_1_naming_the_path_and_leaves_the_previous_output()
    {
        using var site = TestSite.FromFixture("minimal");
        using var disk = SmallDisk.Mount(site, "512k");
        var (output, before) = BuildOnto(site, disk);
        site.WriteBytes("big.bin", RandomBytes(1024 * 1024)); // twice what is left on the disk, copied as it is

        using var build = ChildBuildInto(site, output);

        Assert.True(build.ExitCode == 1, build.Printed);
        Assert.Contains("No space left on device", build.Stderr);
        Assert.Contains(output, build.Stderr);
        Assert.DoesNotContain("KS9000", build.Stderr);
        Assert.DoesNotContain("   at ", build.Stderr);
        BuildPromises.AssertSameFiles(before, TestSite.SnapshotOf(output), "after the build on a full disk");
        var beside = Directory.EnumerateFileSystemEntries(disk.Path).Select(Path.GetFileName)
            .Order(StringComparer.Ordinal).ToArray();
        Assert.True(beside.SequenceEqual([".output.lock", "output"]),
            $"left on the disk: [{string.Join(", ", beside)}]");
    }

    [LinuxFact]
    public void A_build_into_a_read_only_folder_exits_1_naming_the_path_and_leaves_the_previous_output()
    {
        using var site = TestSite.FromFixture("minimal");
        using var disk = SmallDisk.Mount(site, "4m");
        var (output, before) = BuildOnto(site, disk);
        disk.MakeReadOnly();
        site.Write("life/early.md", "---\ntitle: Changed\n---\nA build that cannot be written.\n");

        using var build = ChildBuildInto(site, output);

        Assert.True(build.ExitCode == 1, build.Printed);
        Assert.Contains("Read-only file system", build.Stderr);
        Assert.Contains(disk.Path, build.Stderr);
        Assert.DoesNotContain("   at ", build.Stderr);
        BuildPromises.AssertSameFiles(before, TestSite.SnapshotOf(output), "after the build into a read-only folder");
    }

    /// <summary>A first build onto the disk: the output folder, and its files.</summary>
    private static (string Output, SortedDictionary<string, byte[]> Files) BuildOnto(TestSite site, SmallDisk disk)
    {
        var output = Path.Combine(disk.Path, "output");
        site.BuildSuccessfully("--output", output);
        return (output, TestSite.SnapshotOf(output));
    }

    private static ChildCommand ChildBuildInto(TestSite site, string output)
    {
        var build = ChildCommand.Start(site.Root,
            ["build", "--input", site.Input, "--output", output, "--theme", site.Theme]);
        Assert.True(build.WaitForExit(TimeSpan.FromMinutes(2)), build.Printed);
        return build;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(19).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A tmpfs of a given size mounted in the site's folder, unmounted at the end.</summary>
    private sealed class SmallDisk : IDisposable
    {
        private SmallDisk(string path) => Path = path;

        public string Path { get; }

        public static SmallDisk Mount(TestSite site, string size)
        {
            Assert.True(Environment.IsPrivilegedProcess,
                "cannot test a full or read-only disk: mounting a small tmpfs needs root, " +
                "and these tests do not run as root");
            var path = System.IO.Path.Combine(site.Root, "disk");
            Directory.CreateDirectory(path);
            var (code, said) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
            Assert.True(code == 0,
                $"cannot test a full or read-only disk: mount -t tmpfs failed here (exit {code}: {said})");
            return new SmallDisk(path);
        }

        public void MakeReadOnly()
        {
            var (code, said) = Run("mount", "-o", "remount,ro", Path);
            Assert.True(code == 0, $"cannot remount {Path} read-only (exit {code}: {said})");
        }

        public void Dispose() => Run("umount", "--lazy", Path);

        private static (int Code, string Said) Run(string program, params string[] arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var said = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, said.Trim());
        }
    }
}
