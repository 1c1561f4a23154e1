namespace KropotkinSite.Search;

/// <summary>
/// A page as search finds and lists it: its address (site-relative, and as linked, with the base path), title,
/// section (its top-level folder, "" for none) and text; and what the index needs of it alone, worked out once
/// when it is made: its terms, and its file of the index (<c>pages/N.bin</c>).
/// </summary>
public sealed record SearchPage(string Url, string Href, string Title, string Section, PageText Text)
{
    public PageTerms Terms { get; } = PageTerms.Of(Title, Text);

    public byte[] File { get; } = SearchIndexWriter.PageFile(Href, Title, Section, Text);
}
