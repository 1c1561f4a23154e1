namespace KropotkinSite.Content;

/// <summary>Where a few pages lead a reader: a section page's pages, where reading starts from the home page or a
/// section page, and where the last page of the reading order sends a reader on.</summary>
public sealed record PageLeads(IReadOnlyList<PageEntry> SectionPages, PageEntry? StartReading, PageEntry? ReadOn);
