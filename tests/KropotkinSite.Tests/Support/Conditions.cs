namespace KropotkinSite.Tests.Support;

/// <summary>A test of Linux behaviour (symbolic links, named pipes, file names with '\' or '?'), skipped elsewhere with
/// the reason.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux: symbolic links, named pipes and file names Windows " +
            "refuses";
    }
}

/// <summary>A theory of Linux behaviour (signals, /proc, mounts), skipped elsewhere with the reason.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux: POSIX signals, /proc and mounts";
    }
}

/// <summary>
/// A test that a file the build may not read is reported. Root reads every file whatever its permissions (CI runs
/// the tests as root), so there the build runs as nobody (<see cref="ChildBuild.BuildUnprivileged"/>); where that
/// cannot be done the test is skipped with the reason rather than pretending to pass.
/// </summary>
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (ChildBuild.UnprivilegedBuildUnavailable is { } reason) Skip = reason;
    }
}
