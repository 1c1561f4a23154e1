namespace KropotkinSite.Theme;

/// <summary>A page laid out: its UTF-8 bytes, and where in them lie the parts laid out beforehand that its layouts
/// wrote as they were given (in the order they lie).</summary>
public sealed record RenderedPage(byte[] Utf8, IReadOnlyList<PlacedPart> Parts);
