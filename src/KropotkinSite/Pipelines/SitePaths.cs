namespace KropotkinSite.Pipelines;

/// <summary>Where things live in a site folder (CONTENT-MODEL.md).</summary>
public static class SitePaths
{
    public const string SettingsFile = "_site.yml";
    public const string DataFolder = "_data/";
    public const string TimelineDataFile = "_data/timeline.yml";
    public const string PlacesDataFile = "_data/places.yml";
    public const string WorksFolder = "works/";
    public const string WorksUrl = "/works/";
    public const string TimelineUrl = "/timeline/";
    public const string PlacesUrl = "/places/";
    public const string SearchUrl = "/search/";
    /// <summary>The search index's files, beside the search page.</summary>
    public const string SearchFolder = "search/";
    public const string NotFoundUrl = "/404.html";

    public static bool IsWork(string relativePath) =>
        relativePath.StartsWith(WorksFolder, StringComparison.Ordinal) && !IsIntroOf(relativePath, WorksUrl)
        && Content.Routes.IsMarkdown(relativePath) && relativePath.IndexOf('/', WorksFolder.Length) < 0;

    /// <summary>Whether a Markdown file is the author's text for a generated page (<c>works/index.md</c> for
    /// <c>/works/</c>).</summary>
    public static bool IsIntroOf(string relativePath, string url)
    {
        // As Routes.PageUrl(relativePath) == url, without making the address: this runs for every file of every build.
        if (!Content.Routes.IsMarkdown(relativePath)) return false;
        var stem = relativePath.AsSpan(0, relativePath.Length - ".md".Length);
        var folder = url.AsSpan().Trim('/');
        if (folder.IsEmpty) return stem.SequenceEqual("index");
        return stem.EndsWith("/index") ? stem[..^"/index".Length].SequenceEqual(folder) : stem.SequenceEqual(folder);
    }

    public static bool IsIntroOfGeneratedPage(string relativePath) =>
        IsIntroOf(relativePath, WorksUrl) || IsIntroOf(relativePath, TimelineUrl) || IsIntroOf(relativePath, PlacesUrl)
        || IsIntroOf(relativePath, SearchUrl)
        || relativePath == "404.md";

    public static bool IsData(string relativePath) =>
        relativePath == SettingsFile || (relativePath.StartsWith(DataFolder, StringComparison.Ordinal)
            && (relativePath.EndsWith(".yml", StringComparison.Ordinal)
                || relativePath.EndsWith(".yaml", StringComparison.Ordinal)));
}
