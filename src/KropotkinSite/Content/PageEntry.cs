namespace KropotkinSite.Content;

/// <summary>What the site knows of one published page once every pipeline has read it.</summary>
/// <param name="LinkTargets">The addresses of the site's pages it links to, each once.</param>
public sealed record PageEntry(
    string Url,
    string Title,
    string? Description,
    string Excerpt,
    int? Order,
    string Source,
    PageInfo? Info,
    IReadOnlyList<PageHeading> Headings,
    IReadOnlyList<string> LinkTargets,
    string Kind)
{
    /// <summary>The top-level folder the page belongs to ("" for top-level pages); a section page names its
    /// own.</summary>
    public string Section => IsSectionIndex ? Url.Trim('/') : Routes.SectionOf(Url);
    public bool IsSectionIndex => Kind == PageKinds.Section;
    public Work? Work => Info?.Work;
    public string Summary => Description ?? Excerpt;

    /// <summary>Sorts pages by their <c>order</c> (pages without one last), then by title.</summary>
    public static int CompareByOrder(PageEntry a, PageEntry b)
    {
        var byOrder = (a.Order ?? int.MaxValue).CompareTo(b.Order ?? int.MaxValue);
        return byOrder != 0 ? byOrder : CompareTitles(a, b);
    }

    public static int CompareTitles(PageEntry a, PageEntry b) => SortKey.CompareTitles(a.Title, a.Url, b.Title, b.Url);
}
