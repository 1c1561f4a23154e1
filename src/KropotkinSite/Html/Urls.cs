using System.Buffers;

namespace KropotkinSite.Html;

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

    public static bool IsRootRelative(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Whether a URL names another host or scheme (http:, mailto:, //host), which the build does not
    /// check.</summary>
    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal)
            || (url.IndexOf(':') is var colon and > 0 && url.IndexOfAny(['/', '?', '#']) is var stop
            && (stop < 0 || colon < stop));

    /// <summary>
    /// Whether a path is root-relative and already in the form URI resolution would give it (only letters,
    /// digits, '-', '_', '.' and '/', and no '.' or '..' segment): then resolving it against the page is the identity.
    /// </summary>
    public static bool IsPlainAbsolutePath(ReadOnlySpan<char> path)
    {
        if (path.Length == 0 || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal)) return false;
        foreach (var c in path)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.')) return false;
        return !path.Contains("/./", StringComparison.Ordinal) && !path.Contains("/../", StringComparison.Ordinal)
            && !path.EndsWith("/.", StringComparison.Ordinal) && !path.EndsWith("/..", StringComparison.Ordinal);
    }

    /// <summary>A path as an href may carry it: the ASCII characters a URL may not hold as they are (a space, quotes,
    /// brackets and the like, which a page's file name may have) percent-encoded; everything else as it is.</summary>
    public static string EscapePath(string path)
    {
        if (!path.AsSpan().ContainsAny(MustEscape)) return path;
        var escaped = new System.Text.StringBuilder(path.Length + 8);
        foreach (var c in path)
            if (MustEscape.Contains(c)) escaped.Append('%').Append(((int)c).ToString("X2",
                System.Globalization.CultureInfo.InvariantCulture));
            else escaped.Append(c);
        return escaped.ToString();
    }

    private static readonly SearchValues<char> MustEscape = SearchValues.Create(" \"<>`{}|^[]");

    /// <summary>The absolute path a link's path part leads to from a page at <paramref name="pagePath"/> (e.g.
    /// <c>/life/a/</c>).</summary>
    public static string Resolve(string pagePath, string path)
    {
        if (IsPlainAbsolutePath(path)) return path;
        if (!IsPlainAbsolutePath(pagePath) || !IsPlainPath(pagePath) || !IsPlainPath(path))
            return new Uri(new Uri("http://site.invalid" + pagePath), path).AbsolutePath;
        // As RFC 3986 resolves a reference made only of plain segments: joined to the page's folder, then its dot
        // segments removed.
        return WithoutDotSegments(path.StartsWith('/') ? path
            : string.Concat(pagePath.AsSpan(0, pagePath.LastIndexOf('/') + 1), path));
    }

    /// <summary>An absolute path with each "." segment dropped and each ".." taking the segment before it away (never
    /// above the root).</summary>
    private static string WithoutDotSegments(string merged)
    {
        Span<char> output = merged.Length <= 512 ? stackalloc char[merged.Length] : new char[merged.Length];
        var length = 0;
        for (var start = 1; start <= merged.Length;)
        {
            var end = merged.IndexOf('/', start);
            var isLast = end < 0;
            if (isLast) end = merged.Length;
            var segment = merged.AsSpan(start, end - start);
            if (segment is "..") length = Math.Max(output[..length].LastIndexOf('/'), 0);
            if (segment is "." or "..")
            {
                if (isLast) output[length++] = '/';
            }
            else
            {
                output[length++] = '/';
                segment.CopyTo(output[length..]);
                length += segment.Length;
            }
            start = end + 1;
        }
        return output[..length].ToString();
    }

    /// <summary>Whether a path is made of letters, digits, '-', '_' and '.' in segments between single slashes,
    /// where no segment but "." and ".." ends in a dot: paths that URI resolution takes as they are, but for their
    /// "." and ".." segments.</summary>
    private static bool IsPlainPath(string path)
    {
        if (path.Length == 0 || path.AsSpan().ContainsAnyExcept(PlainPathCharacters)
            || path.Contains("//", StringComparison.Ordinal)) return false;
        foreach (var range in path.AsSpan().Split('/'))
        {
            var segment = path.AsSpan(range);
            if (segment.EndsWith('.') && segment is not ("." or "..")) return false;
        }
        return true;
    }

    private static readonly SearchValues<char> PlainPathCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./");
}
