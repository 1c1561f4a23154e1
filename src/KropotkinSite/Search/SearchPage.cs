namespace KropotkinSite.Search;

/// <summary>
/// A page as search finds and lists it: its address (site-relative, and as linked, with the base path), title and
/// section (its top-level folder, "" for none); and what the index needs of its text, worked out once when it is
/// made: its terms, the terms of its title, and its files of the index (<c>pages/N.bin</c>, and for a long page
/// <c>pages/N.more.bin</c>: <see cref="SearchIndexWriter.PageFiles"/>). The text itself is not kept: a large
/// site's pages, all alive until the index is written, would hold it twice.
/// </summary>
public sealed record SearchPage
{
    private readonly (byte[] File, byte[]? More) _files;

    public SearchPage(string url, string href, string title, string section, PageText text)
    {
        (Url, Href, Title, Section) = (url, href, title, section);
        _files = SearchIndexWriter.PageFiles(href, title, section, text);
        Terms = PageTerms.Of(title, text);
        Card = new VarintBytes(3 * (href.Length + title.Length + section.Length) + 32)
            .Text(href).Text(title).Text(section).ToArray();
    }

    public string Url { get; }

    public string Href { get; }

    public string Title { get; }

    public string Section { get; }

    public PageTerms Terms { get; }

    /// <summary>The terms of the title, each once: the index gives the page's card (<see cref="BlockInverter"/>)
    /// with each of them, so that a query lists a result whose title has one of its words without its file.
    /// </summary>
    public IReadOnlyList<string> TitleTerms => Terms.TitleTerms;

    /// <summary>The page's address, title and section as the index's entries give them (<see cref="BlockInverter"/>):
    /// made once here, copied into the entry of each term of its title.</summary>
    internal byte[] Card { get; }

    public byte[] File => _files.File;

    /// <summary>The rest of a long page's text, or null.</summary>
    public byte[]? More => _files.More;
}
