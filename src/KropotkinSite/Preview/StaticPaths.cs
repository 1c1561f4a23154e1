namespace KropotkinSite.Preview;

/// <summary>
/// Maps request paths to site files the way a static host does: <c>dir/</c> → <c>dir/index.html</c>,
/// <c>dir</c> → a redirect to <c>dir/</c>, anything else → the file itself or not found. Paths with
/// <c>..</c> or <c>.</c> segments, backslashes or control characters never resolve: the preview serves only
/// the site's own files (from memory, so nothing outside the output can be reached at all).
/// </summary>
public static class StaticPaths
{
    public static Resolution Resolve(string decodedPath, Func<string, bool> exists)
    {
        if (decodedPath.Length == 0 || decodedPath[0] != '/' || decodedPath.Contains('\\')
            || decodedPath.Any(char.IsControl))
            return new Resolution.NotFound();
        var relative = decodedPath[1..];
        var segments = relative.Split('/');
        if (segments.Any(s => s is "." or ".." || s.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || s.Contains("%5c", StringComparison.OrdinalIgnoreCase)))
            return new Resolution.NotFound();
        if (relative.Length == 0 || relative.EndsWith('/'))
            return exists(relative + "index.html")
                ? new Resolution.File(relative + "index.html")
                : new Resolution.NotFound();
        if (exists(relative)) return new Resolution.File(relative);
        if (exists(relative + "/index.html")) return new Resolution.Redirect(decodedPath + "/");
        return new Resolution.NotFound();
    }
}
