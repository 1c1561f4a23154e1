namespace KropotkinSite.Pipelines;

/// <summary>Where a build reads and writes, and how.</summary>
public sealed record BuildOptions(string InputDirectory, string OutputDirectory, string ThemeDirectory, string BasePath = "/", bool IncludeDrafts = false)
{
    public static BuildOptions FromCurrentDirectory() =>
        new(Path.GetFullPath("input"), Path.GetFullPath("output"), Path.GetFullPath("theme"));
}
