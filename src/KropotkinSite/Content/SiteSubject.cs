namespace KropotkinSite.Content;

/// <summary>The person a biography site is about (optional <c>subject</c> in <c>_site.yml</c>), for structured
/// data.</summary>
public sealed record SiteSubject(string Name, string? AlternateName, PartialDate? BirthDate, string? BirthPlace,
    PartialDate? DeathDate, string? DeathPlace, string? Description);
