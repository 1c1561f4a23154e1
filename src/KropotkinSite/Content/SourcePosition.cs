namespace KropotkinSite.Content;

/// <summary>A line and column in a source file (1-based), for error messages.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition Start = new(1, 1);
}
