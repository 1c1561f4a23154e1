namespace KropotkinSite.Content;

/// <summary>A heading of a page, for its table of contents and for links to it.</summary>
public sealed record PageHeading(int Level, string Id, string Text);
