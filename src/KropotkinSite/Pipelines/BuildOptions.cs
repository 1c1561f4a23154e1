namespace KropotkinSite.Pipelines;

/// <summary>Where a build reads and writes, and how. <paramref name="BaseUrl"/> (the site's absolute address, from
/// <c>--base-url</c>) overrides <c>base_url</c> in <c>_site.yml</c> when given.</summary>
public sealed record BuildOptions(
    string InputDirectory, string OutputDirectory, string ThemeDirectory, string BasePath = "/",
    bool IncludeDrafts = false, Uri? BaseUrl = null)
{
    public static BuildOptions FromCurrentDirectory() =>
        new(Path.GetFullPath("input"), Path.GetFullPath("output"), Path.GetFullPath("theme"));
}
