namespace KropotkinSite.Content;

/// <summary>Site settings from <c>_site.yml</c>.</summary>
public sealed record SiteSettings(
    string Title,
    string? Description,
    string? Author,
    string Language,
    Uri? BaseUrl,
    string? License,
    string? Sources,
    IReadOnlyList<TimelinePeriod> Periods,
    SiteSubject? Subject)
{
    public static SiteSettings Default(string title) => new(title, null, null, "en", null, null, null, [], null);
}
