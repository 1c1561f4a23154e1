namespace KropotkinSite.Content;

/// <summary>A decade's mark under the overview strip, in percent of its width.</summary>
public sealed record StripMark(int Year, double Left);
