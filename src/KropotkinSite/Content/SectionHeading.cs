namespace KropotkinSite.Content;

/// <summary>How a section heads the backlinks from its pages: its section page's title (or its name) and where it
/// stands in the navigation (sections outside it after those in it).</summary>
public sealed record SectionHeading(string Section, string Title, int Place);
