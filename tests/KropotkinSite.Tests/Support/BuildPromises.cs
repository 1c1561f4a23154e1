namespace KropotkinSite.Tests.Support;

/// <summary>
/// What a trusted build tool promises whatever its input: errors in the parseable form and never a crash or an
/// internal error; a failed build leaves the previous output byte for byte as it was; nothing is left beside the
/// output folder (no staging or previous copy), and a successful build is deterministic.
/// </summary>
public static class BuildPromises
{
    /// <summary>The build failed cleanly: exit 1, well-formed errors, no internal error, no stack trace, output
    /// untouched.</summary>
    public static IReadOnlyList<ReportedError> AssertFailedCleanly(TestSite site, BuildRun run,
        SortedDictionary<string, byte[]> outputBefore, string what, string? workingDirectory = null)
    {
        Assert.True(run.ExitCode == 1, $"{what}: expected exit 1 (content errors), got {run.ExitCode}:\n{run.Stderr}");
        var errors = ReportedError.Parse(run.Stderr, site.Input, workingDirectory);
        Assert.True(errors.Count > 0, $"{what}: the build failed without naming an error:\n{run.Stderr}");
        AssertNoInternalError(run, errors, what);
        AssertSameFiles(outputBefore, site.Snapshot(), what);
        AssertNothingBesideOutput(site, what);
        return errors;
    }

    public static void AssertNoInternalError(BuildRun run, IReadOnlyList<ReportedError> errors, string what)
    {
        Assert.False(errors.Any(e => e.Code == "KS9000"), $"{what}: internal error:\n{run.Stderr}");
        Assert.False(run.Stderr.Contains("   at ", StringComparison.Ordinal),
            $"{what}: a stack trace was printed:\n{run.Stderr}");
    }

    public static void AssertSameFiles(SortedDictionary<string, byte[]> expected,
        SortedDictionary<string, byte[]> actual, string what)
    {
        Assert.True(expected.Keys.SequenceEqual(actual.Keys),
            $"{what}: the output's files changed: gone " +
            $"[{string.Join(", ", expected.Keys.Except(actual.Keys).Take(5))}], new " +
            $"[{string.Join(", ", actual.Keys.Except(expected.Keys).Take(5))}]");
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{what}: {path} changed");
    }

    /// <summary>The site's folder holds only what the test put there (input, perhaps a copy of the theme) and the
    /// output, with the output's lock file let go (empty): no staging folder, no previous copy, no stray
    /// file.</summary>
    public static void AssertNothingBesideOutput(TestSite site, string what)
    {
        var entries = Directory.EnumerateFileSystemEntries(site.Root).Select(Path.GetFileName)
            .Order(StringComparer.Ordinal).ToArray();
        Assert.True(entries.All(e => e is "input" or "output" or "theme" or ".output.lock"),
            $"{what}: the build left [{string.Join(", ", entries)}] beside its output");
        var lockFile = Path.Combine(site.Root, ".output.lock");
        Assert.True(!File.Exists(lockFile) || new FileInfo(lockFile).Length == 0,
            $"{what}: the output's lock was not let go: {(File.Exists(lockFile) ? File.ReadAllText(lockFile) : "")}");
    }
}
