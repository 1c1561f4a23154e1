using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Makes sure a generated page exists at an address: it keeps the page an author wrote for it (its title and
/// text introduce the generated part) or creates one with a default title. Marks it with <c>kind</c>.
/// </summary>
public sealed record GeneratePage(string Url, string PageKind, string DefaultTitle, string? DefaultDescription = null)
    : IModule
{
    public const string Kind = "kind";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        inputs.Count > 0
            ? context.Map(inputs,
                (d, _) => d.With(Kind, PageKind).With(ReadPageInfo.Url, Url).WithDestination(Destination(Url)))
            : [Create(Url, PageKind, DefaultTitle, DefaultDescription)];

    /// <summary>A page with nothing but a title (and a description), for the layout of its kind to fill.</summary>
    public static Document Create(string url, string kind, string title, string? description = null)
    {
        var page = new PageInfo(title, description, null, SourcePosition.Start, null, false, [], null);
        return Document.Create("", Destination(url), ReadOnlyMemory<byte>.Empty)
            .With(ReadPageInfo.Page, page)
            .With(ReadPageInfo.Url, url)
            .With(RenderMarkdown.Html, Array.Empty<byte>())
            .With(RenderMarkdown.Links, Array.Empty<MarkdownLink>())
            .With(RenderMarkdown.Headings, Array.Empty<PageHeading>())
            .With(RenderMarkdown.Excerpt, "")
            .With(Kind, kind);
    }

    private static string Destination(string url) =>
        url.EndsWith(".html", StringComparison.Ordinal) ? url.TrimStart('/') : Routes.OutputPathOf(url);
}
