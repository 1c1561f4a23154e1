namespace KropotkinSite.Search;

/// <summary>A page as search finds and lists it: its address (with the base path), title, section and text.</summary>
public sealed record SearchPage(string Href, string Title, string Section, PageText Text);

/// <summary>A file of the search index, at a path inside the index's folder.</summary>
public sealed record SearchFile(string Path, byte[] Bytes);
