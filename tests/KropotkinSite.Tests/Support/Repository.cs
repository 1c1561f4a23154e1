namespace KropotkinSite.Tests.Support;

/// <summary>Finds the repository the tests run from, so they can use its theme, its content and the sites kept beside
/// them.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Theme => Path.Combine(Root, "theme");
    public static string Input => Path.Combine(Root, "input");
    public static string Sites => Path.Combine(Root, "tests", "KropotkinSite.Tests", "Sites");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "KropotkinSite.sln"))) return directory.FullName;
        throw new InvalidOperationException("Cannot find KropotkinSite.sln above " + AppContext.BaseDirectory);
    }
}
