using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;
using KropotkinSite.Search;
using KropotkinSite.Theme;

namespace KropotkinSite.Modules;

/// <summary>
/// Reads what search finds of each written page into <c>searchPage</c> (<see cref="SearchPage"/>: its text by
/// <see cref="PageTextReader"/>, its title (its <c>h1</c>, or its front matter's), its address with the base path,
/// its section, its terms and its file of the index), and drops what is not searched: files that are not pages,
/// and pages of the kinds given (the search page itself, the 404 page). The parts of a page laid out beforehand (the
/// years of the timeline, the places) are read on their own (<see cref="PartReadings"/>), so after an edit only the
/// parts it changed are read again, and the rest of the page.
/// </summary>
public sealed record ReadSearchText(string BasePath, string[] KindsLeftOut) : IModule
{
    public const string Page = "searchPage";

    private const string PartTexts = "partTexts";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        context.Map(PartReadings.Attach(inputs, context, PartTexts, static part => PageTextReader.ReadPart(part)),
            this, static (document, module, _) => module.IsSearched(document)
                ? document.Without(PartTexts).Without(ApplyLayout.PlacedParts).With(Page, module.Read(document))
                : null);

    private bool IsSearched(Document document) =>
        document.Destination.EndsWith(".html", StringComparison.Ordinal)
        && document.Get<string>(ReadPageInfo.Url) is not null
        && !KindsLeftOut.Contains(document.Get<string>(GeneratePage.Kind));

    private SearchPage Read(Document document)
    {
        var url = document.Require<string>(ReadPageInfo.Url);
        var text = PageTextReader.Read(document.Content.Span, PartReadings.Of(document),
            document.Get<PartText[]>(PartTexts) ?? []);
        var title = text.Title.Length > 0 ? text.Title : document.Get<PageInfo>(ReadPageInfo.Page)?.Title ?? "";
        var href = Urls.EscapePath(url.StartsWith('/') && BasePath != "/" ? BasePath + url[1..] : url);
        return new SearchPage(url, href, title, Routes.SectionOf(url), text);
    }
}
