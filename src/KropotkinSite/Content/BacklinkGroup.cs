namespace KropotkinSite.Content;

/// <summary>The pages of one section (or the top-level pages) that mention a page.</summary>
public sealed record BacklinkGroup(string Title, IReadOnlyList<LinkView> Links);
