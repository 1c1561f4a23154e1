using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;
using KropotkinSite.Search;

namespace KropotkinSite.Modules;

/// <summary>
/// Reads what search finds of each written page into <c>searchPage</c> (<see cref="SearchPage"/>: its text by
/// <see cref="PageTextReader"/>, its title (its <c>h1</c>, or its front matter's), its address with the base path,
/// its section, its terms and its file of the index), and drops what is not searched: files that are not pages,
/// and pages of the kinds given (the search page itself, the 404 page).
/// </summary>
public sealed class ReadSearchText(string basePath, params string[] kindsLeftOut) : IModule
{
    public const string Page = "searchPage";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        // What is read comes from the written bytes, not from the source the document's fingerprint describes, so
        // no result is looked up by fingerprint (cacheKey null): only the very same document gives the same page.
        DocumentParallel.Map(inputs, context,
            (document, _) => IsSearched(document) ? document.With(Page, Read(document)) : null,
            cacheKey: _ => null);

    private bool IsSearched(Document document) =>
        document.Destination.EndsWith(".html", StringComparison.Ordinal)
        && document.Get<string>(ReadPageInfo.Url) is not null
        && !kindsLeftOut.Contains(document.Get<string>(GeneratePage.Kind));

    private SearchPage Read(Document document)
    {
        var url = document.Require<string>(ReadPageInfo.Url);
        var text = PageTextReader.Read(document.ContentText);
        var title = text.Title.Length > 0 ? text.Title : document.Get<PageInfo>(ReadPageInfo.Page)?.Title ?? "";
        var href = Urls.EscapePath(url.StartsWith('/') && basePath != "/" ? basePath + url[1..] : url);
        return new SearchPage(url, href, title, Routes.SectionOf(url), text);
    }
}
