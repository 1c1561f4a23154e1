using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KropotkinSite.Markdown;

/// <summary>
/// The links and the headings of a parsed page, each in document order, found in one walk over its blocks and
/// inlines. The walk keeps its own stack rather than recursing: emphasis can nest thousands deep, and the walk
/// comes before rendering refuses such a page.
/// </summary>
public sealed record LinksAndHeadings(IReadOnlyList<LinkInline> Links, IReadOnlyList<HeadingBlock> Headings)
{
    public static LinksAndHeadings Of(MarkdownDocument document)
    {
        var links = new List<LinkInline>();
        var headings = new List<HeadingBlock>();
        var pending = new Stack<MarkdownObject>();
        pending.Push(document);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--) pending.Push(container[i]);
                    break;
                case LeafBlock leaf:
                    if (leaf is HeadingBlock heading) headings.Add(heading);
                    if (leaf.Inline is { } inlines) pending.Push(inlines);
                    break;
                case ContainerInline inline:
                    if (inline is LinkInline link) links.Add(link);
                    // Only containers can hold a link; the text between them needs no visit.
                    for (var child = inline.LastChild; child is not null; child = child.PreviousSibling)
                        if (child is ContainerInline) pending.Push(child);
                    break;
            }
        }
        return new LinksAndHeadings(links, headings);
    }
}
