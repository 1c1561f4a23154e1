namespace KropotkinSite.Search;

/// <summary>
/// A page as search finds and lists it: its address (site-relative, and as linked, with the base path), title,
/// section (its top-level folder, "" for none) and text; and what the index needs of it alone, worked out once
/// when it is made: its terms, and its files of the index (<c>pages/N.bin</c>, and for a long page
/// <c>pages/N.more.bin</c>: <see cref="SearchIndexWriter.PageFiles"/>).
/// </summary>
public sealed record SearchPage(string Url, string Href, string Title, string Section, PageText Text)
{
    private readonly (byte[] File, byte[]? More) _files = SearchIndexWriter.PageFiles(Href, Title, Section, Text);

    public PageTerms Terms { get; } = PageTerms.Of(Title, Text);

    public byte[] File => _files.File;

    /// <summary>The rest of a long page's text, or null.</summary>
    public byte[]? More => _files.More;
}
