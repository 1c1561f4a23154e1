namespace KropotkinSite.Content;

/// <summary>A work as the works index lists it.</summary>
public sealed record WorkListing(string Url, string Href, string Title, Work Work)
{
    public string? YearText => Work.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
