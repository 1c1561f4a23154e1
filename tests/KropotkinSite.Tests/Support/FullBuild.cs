namespace KropotkinSite.Tests.Support;

/// <summary>What a full build of a site's input as it is now writes, to hold a preview's output folder
/// against.</summary>
public static class FullBuild
{
    /// <summary>Null when the site's output folder holds exactly the files and folders, byte for byte, that a full
    /// build of its input and theme writes; otherwise what differs.</summary>
    public static string? DifferenceFrom(TestSite site)
    {
        using var fresh = TestSite.Empty();
        TestSite.CopyDirectory(site.Input, fresh.Input);
        fresh.Theme = site.Theme;
        fresh.BuildSuccessfully();
        var (expected, actual) = (Entries(fresh.Output), Entries(site.Output));
        if (!expected.SequenceEqual(actual))
            return $"entries missing [{string.Join(", ", expected.Except(actual))}], " +
                   $"extra [{string.Join(", ", actual.Except(expected))}]";
        var (want, have) = (fresh.Snapshot(), site.Snapshot());
        var differing = want.Keys.Where(k => !want[k].AsSpan().SequenceEqual(have[k])).ToArray();
        return differing.Length == 0 ? null : $"files with other bytes [{string.Join(", ", differing)}]";
    }

    /// <summary>Waits (at most half a minute) for a preview's output folder to equal a full build, and fails with the
    /// difference if it never does.</summary>
    public static void WaitUntilOutputEquals(TestSite site, ChildCommand preview, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? difference;
        while ((difference = DifferenceFrom(site)) is not null && DateTime.UtcNow < deadline) Thread.Sleep(200);
        Assert.True(difference is null,
            $"{what}: output/ is not what a full build writes: {difference}\n{preview.Printed}");
    }

    public static string[] Entries(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
            : [];
}
