using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;
using KropotkinSite.Markdown;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KropotkinSite.Modules;

/// <summary>
/// Renders each document's content (the Markdown body, as UTF-8) with Markdig (footnotes, tables, heading ids,
/// smart punctuation) into <c>html</c>, as UTF-8 too (as characters, every page's HTML held until the pages are laid
/// out took twice the memory: 144 MiB at 10,000 pages); records <c>links</c>, <c>headings</c> and <c>excerpt</c>
/// (the first paragraph's text). Root-relative link and image URLs get the base path, so a site can live in a
/// subfolder. The Markdown is not kept once rendered (the content is left empty).
/// </summary>
public sealed record RenderMarkdown(string BasePath) : IModule
{
    public const string Html = "html";
    public const string Links = "links";
    public const string Headings = "headings";
    public const string Excerpt = "excerpt";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UseFootnotes()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseSmartyPants()
        .Build();

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        context.Map(inputs, (document, context) =>
        {
            var body = System.Text.Encoding.UTF8.GetString(document.Content.Span);
            var firstLine = document.Get<int>(ParseFrontMatter.BodyLine);
            if (ListNesting.LineTooDeep(body) is { } deep)
                throw new ContentException(new ContentError(document.Source, firstLine + deep - 1, 1,
                    ErrorCodes.MarkdownError,
                    $"lists nest more than {ListNesting.Limit} levels deep here; no page can show that, so nest them " +
                    "less deeply"));
            MarkdownDocument ast;
            try
            {
                ast = Markdig.Markdown.Parse(body, Markdown);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw Unreadable(document, firstLine, e);
            }

            var found = LinksAndHeadings.Of(ast);
            var links = new List<MarkdownLink>(found.Links.Count);
            foreach (var link in found.Links)
            {
                if (link.Url is null) continue;
                links.Add(new MarkdownLink(link.Url, new SourcePosition(link.Line + firstLine, link.Column + 1)));
                link.Url = Urls.WithBasePath(link.Url, BasePath);
            }
            // Rendering refuses elements nested too deeply (emphasis can nest far deeper than blocks); it comes
            // before the heading texts below, which recurse.
            byte[] html;
            try
            {
                html = ToHtml(ast);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw Unreadable(document, firstLine, e);
            }
            var headings = new PageHeading[found.Headings.Count];
            for (var i = 0; i < headings.Length; i++)
            {
                var heading = found.Headings[i];
                headings[i] = new PageHeading(heading.Level, heading.GetAttributes().Id ?? "",
                    InlineText.Of(heading.Inline));
            }
            var excerpt = ast.OfType<ParagraphBlock>().FirstOrDefault() is { } first
                ? InlineText.Of(first.Inline)
                : "";
            return document.WithContent(ReadOnlyMemory<byte>.Empty)
                .With(Html, html).With(Links, links).With(Headings, headings).With(Excerpt, excerpt);
        });

    // Each thread renders with one renderer into one buffer, kept between pages at its grown size; a renderer is
    // kept only once it has rendered a page whole (see ReusableHtmlRenderer).
    [ThreadStatic] private static ReusableHtmlRenderer? t_renderer;
    private const int KeptHtmlCapacity = 1 << 20;

    private static byte[] ToHtml(MarkdownDocument ast)
    {
        var renderer = t_renderer ?? NewRenderer();
        t_renderer = null;
        renderer.Render(ast);
        var html = Utf8Of(renderer.Buffer);
        if (renderer.Buffer.Capacity <= KeptHtmlCapacity)
        {
            renderer.Clear();
            t_renderer = renderer;
        }
        return html;
    }

    private static byte[] Utf8Of(System.Text.StringBuilder text)
    {
        var encoder = System.Text.Encoding.UTF8.GetEncoder();
        var length = 0;
        foreach (var chunk in text.GetChunks()) length += encoder.GetByteCount(chunk.Span, flush: false);
        length += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[length];
        var at = 0;
        foreach (var chunk in text.GetChunks()) at += encoder.GetBytes(chunk.Span, bytes.AsSpan(at), flush: false);
        encoder.GetBytes([], bytes.AsSpan(at), flush: true);
        return bytes;
    }

    private static ReusableHtmlRenderer NewRenderer()
    {
        var renderer = new ReusableHtmlRenderer(new StringWriter(new System.Text.StringBuilder(16 * 1024)));
        Markdown.Setup(renderer);
        return renderer;
    }

    private static ContentException Unreadable(Document document, int firstLine, Exception e) =>
        new(new ContentError(document.Source, firstLine, 1, ErrorCodes.MarkdownError,
            $"the Markdown cannot be read ({e.Message}); nest lists, quotes and emphasis less deeply"));
}
