namespace KropotkinSite.Content;

/// <summary>The pages of one section (or the top-level pages, "Other pages") that link to a page, by title.</summary>
public sealed record BacklinkSection(string Title, IReadOnlyList<PageEntry> Pages);
