namespace KropotkinSite.Engine;

/// <summary>A mistake in the site's content or theme, reported in the form .NET tools and editors parse.</summary>
public sealed record ContentError(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{Printable(DisplayPath(File))}({Line},{Column}): error {Code}: {Message}";

    /// <summary>A control character in a file name (a newline, say) is shown escaped, so each error stays one
    /// line.</summary>
    private static string Printable(string path) =>
        path.Any(char.IsControl)
            ? string.Concat(path.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()))
            : path;

    /// <summary>The path relative to the current folder when it lies below it, so editors can open it.</summary>
    public static string DisplayPath(string file)
    {
        if (file.Length == 0 || !Path.IsPathRooted(file)) return file;
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }
}
