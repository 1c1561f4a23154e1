namespace KropotkinSite.Modules;

/// <summary>Small URL helpers shared by the modules that emit and check links.</summary>
public static class Urls
{
    /// <summary>
    /// Normalises a base path to the form <c>/</c> or <c>/sub/dir/</c>.
    /// </summary>
    public static string NormaliseBasePath(string? basePath)
    {
        var trimmed = (basePath ?? "").Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }

    /// <summary>Prefixes a root-relative URL (<c>/life/</c>, not <c>//host/</c>) with the base path.</summary>
    public static string WithBasePath(string url, string basePath) =>
        IsRootRelative(url) && basePath != "/" ? basePath + url[1..] : url;

    public static bool IsRootRelative(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Whether a URL names another host or scheme (http:, mailto:, //host), which the build does not check.</summary>
    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || (url.IndexOf(':') is var colon and > 0 && url.IndexOfAny(['/', '?', '#']) is var stop && (stop < 0 || colon < stop));

    /// <summary>A root-relative path with nothing to resolve (no dot segments, escapes or empty segments): most links.</summary>
    public static bool IsPlainRootPath(string path) =>
        path.StartsWith('/') && !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/.", StringComparison.Ordinal)
        && !path.Contains('%') && !path.Contains('\\');
}
