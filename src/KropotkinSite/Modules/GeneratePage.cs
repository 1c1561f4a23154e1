using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Makes sure a generated page exists at an address: it keeps the page an author wrote for it (its title and
/// text introduce the generated part) or creates one with a default title. Marks it with <c>kind</c>.
/// </summary>
public sealed class GeneratePage(string url, string kind, string defaultTitle, string? defaultDescription = null) : IModule
{
    public const string Kind = "kind";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var destination = url.EndsWith(".html", StringComparison.Ordinal) ? url.TrimStart('/') : Routes.OutputPathOf(url);
        if (inputs.Count > 0)
            return DocumentParallel.Map(inputs, context, (d, _) => d.With(Kind, kind).With(ReadPageInfo.Url, url).WithDestination(destination));
        var slot = context.Step + "|" + url; // in a preview session the same page as last run, so what shows it sees no change
        if (context.Cache?.Recall<Document>(slot) is { } known) return [known];
        var page = new PageInfo(defaultTitle, defaultDescription, null, SourcePosition.Start, null, false, [], null);
        var document = Document.Create("", destination, ReadOnlyMemory<byte>.Empty)
            .With(ReadPageInfo.Page, page)
            .With(ReadPageInfo.Url, url)
            .With(RenderMarkdown.Html, "")
            .With(RenderMarkdown.Links, Array.Empty<MarkdownLink>())
            .With(RenderMarkdown.Headings, Array.Empty<PageHeading>())
            .With(RenderMarkdown.Excerpt, "")
            .With(Kind, kind);
        context.Cache?.Keep(slot, document);
        return [document];
    }
}
