using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Search;

namespace KropotkinSite.Modules;

/// <summary>
/// Reads what search indexes of each written page (<see cref="PageTextReader"/>) into <c>searchText</c>, and
/// drops what is not searched: files that are not pages, and pages of the kinds given (the search page itself,
/// the 404 page).
/// </summary>
public sealed class ReadSearchText(params string[] kindsLeftOut) : IModule
{
    public const string Text = "searchText";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        // The text comes from the written bytes, not from the source the document's fingerprint describes, so no
        // result is looked up by fingerprint (cacheKey null): only the very same document gives the same text.
        DocumentParallel.Map(inputs, context, (document, _) => IsSearched(document)
            ? document.With(Text, PageTextReader.Read(document.ContentText))
            : null, cacheKey: _ => null);

    private bool IsSearched(Document document) =>
        document.Destination.EndsWith(".html", StringComparison.Ordinal)
        && document.Get<string>(ReadPageInfo.Url) is not null
        && !kindsLeftOut.Contains(document.Get<string>(GeneratePage.Kind));
}
