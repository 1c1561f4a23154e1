namespace KropotkinSite.Content;

/// <summary>A work as the works index lists it.</summary>
/// <param name="Description">The work's one-sentence <c>description</c>, if it has one.</param>
public sealed record WorkListing(string Url, string Href, string Title, Work Work, string? Description)
{
    public string? YearText => Work.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string? LanguageName => LanguageNames.EnglishName(Work.Language);
}
