namespace KropotkinSite.Content;

/// <summary>The site as every layout sees it.</summary>
public sealed record SiteView(
    string Title,
    string? Description,
    string? Author,
    string Language,
    string? BaseUrl,
    string BasePath,
    string? License,
    string? Sources,
    string HomeHref,
    string TimelineHref,
    string WorksHref,
    IReadOnlyDictionary<string, string> Assets,
    IReadOnlyDictionary<string, object?> Data);
