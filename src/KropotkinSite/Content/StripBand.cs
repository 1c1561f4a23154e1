namespace KropotkinSite.Content;

/// <summary>A band of the overview strip, in percent of its width.</summary>
public sealed record StripBand(string Title, string Span, string GroupId, double Left, double Width, int Index,
    IReadOnlyList<string> Places, int EventCount);
