namespace KropotkinSite.Tests.Support;

/// <summary>A test of Linux behaviour (symbolic links, named pipes, file names with '\' or '?'), skipped elsewhere with the reason.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux: symbolic links, named pipes and file names Windows refuses";
    }
}

/// <summary>
/// A test that a file the build may not read is reported. Root reads every file whatever its permissions (CI runs
/// the tests as root), so there the test is skipped with that reason rather than pretending to pass; named pipes
/// and links out of the input folder test the same error as root (<c>GeneratedHostileInputTests</c>).
/// </summary>
public sealed class NotAsRootFactAttribute : FactAttribute
{
    public NotAsRootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Skip = "needs Unix file permissions";
        else if (Environment.IsPrivilegedProcess) Skip = "running as root, which reads files whatever their permissions (chmod 000 stops nothing)";
    }
}
