namespace KropotkinSite.Content;

/// <summary>What the site index's shape reads of a page: where it stands (its address, kind and section, and whether
/// it is a work), not what it is titled or says. An edit that leaves these leaves the shape as it was.</summary>
public sealed record PageKey(string Url, string Kind, string Section, bool IsWork)
{
    public static PageKey Of(PageEntry page) => new(page.Url, page.Kind, page.Section, page.Work is not null);

    /// <summary>The not-found page is published but not part of the site's index.</summary>
    public bool InIndex => Kind != PageKinds.NotFound;

    public bool IsSectionIndex => Kind == PageKinds.Section;

    /// <summary>Only content pages mention others: the home page, section pages and generated pages are
    /// navigation.</summary>
    public bool Mentions => Kind is PageKinds.Page or PageKinds.Work;

    /// <summary>Whether the page is read in the biography's order (works follow each other by year).</summary>
    public bool IsRead => Kind == PageKinds.Page && !IsWork;
}
