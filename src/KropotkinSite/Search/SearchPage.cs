namespace KropotkinSite.Search;

/// <summary>
/// A page as search finds and lists it: its address (site-relative, and as linked, with the base path), title,
/// section (its top-level folder, "" for none) and text; and what the index needs of it alone, worked out once
/// when it is made: its terms, the terms of its title, and its files of the index (<c>pages/N.bin</c>, and for a
/// long page <c>pages/N.more.bin</c>: <see cref="SearchIndexWriter.PageFiles"/>).
/// </summary>
public sealed record SearchPage(string Url, string Href, string Title, string Section, PageText Text)
{
    private readonly (byte[] File, byte[]? More) _files = SearchIndexWriter.PageFiles(Href, Title, Section, Text);

    public PageTerms Terms { get; } = PageTerms.Of(Title, Text);

    /// <summary>The terms of the title, each once: the index gives the page's card (<see cref="BlockInverter"/>)
    /// with each of them, so that a query lists a result whose title has one of its words without its file.
    /// </summary>
    public IReadOnlyList<string> TitleTerms { get; } = [.. SearchTerms.Of(Title).Distinct(StringComparer.Ordinal)];

    public byte[] File => _files.File;

    /// <summary>The rest of a long page's text, or null.</summary>
    public byte[]? More => _files.More;
}
