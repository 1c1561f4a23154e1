using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;
using KropotkinSite.Search;

namespace KropotkinSite.Modules;

/// <summary>
/// Writes the search index of the pages read by <see cref="ReadSearchText"/> into a folder of the output
/// (<see cref="SearchIndexWriter"/>): each page listed with its address (with the base path), its title (its
/// <c>h1</c>, or its front matter's) and the title of its section.
/// </summary>
public sealed class WriteSearchIndex(string basePath, string folder) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = inputs.Select(d => (Url: d.Require<string>(ReadPageInfo.Url), Text: d.Require<PageText>(ReadSearchText.Text),
                Title: d.Get<PageInfo>(ReadPageInfo.Page)?.Title))
            .Select(p => (p.Url, p.Text, Title: p.Text.Title.Length > 0 ? p.Text.Title : p.Title ?? ""))
            .ToArray();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pages) titles.TryAdd(page.Url, page.Title);
        var searched = pages.Select(p => new SearchPage(Href(p.Url), p.Title, SectionTitle(p.Url, titles), p.Text)).ToArray();
        return SearchIndexWriter.Write(searched)
            .Select(file => Document.Create("", folder + file.Path, file.Bytes))
            .ToArray();
    }

    private string Href(string url) => Urls.EscapePath(url.StartsWith('/') && basePath != "/" ? basePath + url[1..] : url);

    /// <summary>The title of the section a page is in (<c>/life/siberia/</c> → the title of <c>/life/</c>); none for a top-level page.</summary>
    private static string SectionTitle(string url, Dictionary<string, string> titles)
    {
        var section = Routes.SectionOf(url);
        return section.Length > 0 && titles.TryGetValue("/" + section + "/", out var title) ? title : "";
    }
}
