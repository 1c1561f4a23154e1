using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Checks every internal link and <c>#fragment</c> of the HTML about to be written against the files and ids
/// that will exist. A broken link is reported at the Markdown line that wrote it, or against the page and
/// its layout when the theme wrote it. Links to pages that failed for another reported error are not
/// reported twice.
/// </summary>
/// <param name="pageFiles">Every page's input file, whether or not it built.</param>
public sealed class ValidateLinks(string basePath, IReadOnlyList<string> pageFiles) : IModule
{
    /// <summary>Where every page would be published: links to a page that failed for another reason are not reported.</summary>
    private readonly Lazy<HashSet<string>> _destinationsOfAllPages = new(() =>
        pageFiles.Select(p => Routes.OutputPathOf(Routes.PageUrl(p))).ToHashSet(StringComparer.Ordinal));

    private sealed record PageLinks(Document Document, HashSet<string> Ids, List<string> Links);

    /// <summary>What link checks depend on besides the page itself: every file that will be written, every id
    /// of every page, and every page's input file (for those that failed for another reason).</summary>
    private sealed record Shape(string[] Destinations, PageLinks[] Pages, IReadOnlyList<string> PageFiles)
    {
        public bool Matches(Shape other)
        {
            if (!Destinations.AsSpan().SequenceEqual(other.Destinations) || Pages.Length != other.Pages.Length
                || !(ReferenceEquals(PageFiles, other.PageFiles) || PageFiles.SequenceEqual(other.PageFiles, StringComparer.Ordinal)))
                return false;
            for (var i = 0; i < Pages.Length; i++)
                if (!ReferenceEquals(Pages[i].Ids, other.Pages[i].Ids) && !Pages[i].Ids.SetEquals(other.Pages[i].Ids)) return false;
            return true;
        }
    }

    /// <summary>What a preview session keeps from the last run: each rendered page's links and ids, and its
    /// findings, which hold while the site's shape is the same.</summary>
    private sealed record Kept(Dictionary<Document, PageLinks> Pages, Shape Shape, Dictionary<Document, ContentError[]> Findings);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var kept = context.Cache?.Recall<Kept>(context.Step);
        var destinations = new HashSet<string>(inputs.Select(d => d.Destination).Where(d => d.Length > 0), StringComparer.Ordinal);
        var html = inputs.Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        var pages = new PageLinks[html.Length];
        var options = new ParallelOptions { CancellationToken = context.Cancellation };
        Parallel.For(0, html.Length, options, i => pages[i] = kept?.Pages.GetValueOrDefault(html[i]) ?? Read(html[i]));
        var idsByDestination = new Dictionary<string, HashSet<string>>(pages.Length, StringComparer.Ordinal);
        foreach (var page in pages) idsByDestination.TryAdd(page.Document.Destination, page.Ids);

        // In a preview session a page's findings are kept until the page or the site's shape changes, so an edit
        // that adds no page and no heading has only the edited page checked again.
        var shape = new Shape(inputs.Select(d => d.Destination).ToArray(), pages, pageFiles);
        var known = kept is not null && kept.Shape.Matches(shape) ? kept.Findings : null;
        var findings = new ContentError[pages.Length][];
        Parallel.For(0, pages.Length, options,
            i => findings[i] = known?.GetValueOrDefault(pages[i].Document) ?? CheckPage(pages[i], destinations, idsByDestination));
        foreach (var error in findings.SelectMany(f => f)) context.Report(error);

        if (context.Cache is not null)
        {
            var byDocument = new Dictionary<Document, PageLinks>(pages.Length, ReferenceEqualityComparer.Instance);
            var findingsByDocument = new Dictionary<Document, ContentError[]>(pages.Length, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < pages.Length; i++)
            {
                byDocument[pages[i].Document] = pages[i];
                findingsByDocument[pages[i].Document] = findings[i];
            }
            context.Cache.Keep(context.Step, new Kept(byDocument, shape, findingsByDocument));
        }
        return inputs;
    }

    private ContentError[] CheckPage(PageLinks page, HashSet<string> destinations, Dictionary<string, HashSet<string>> ids)
    {
        var found = new List<ContentError>();
        foreach (var link in page.Links.Distinct(StringComparer.Ordinal))
        {
            var problem = Check(page.Document, link, destinations, ids, out var isFragment);
            if (problem is null) continue;
            var (at, origin) = Locate(page.Document, link);
            found.Add(new ContentError(page.Document.Source.Length > 0 ? page.Document.Source : page.Document.Destination,
                at.Line, at.Column, isFragment ? ErrorCodes.BrokenFragment : ErrorCodes.BrokenLink, $"{origin}'{link}' {problem}"));
        }
        return found.ToArray();
    }

    private static PageLinks Read(Document document)
    {
        var (ids, links) = HtmlLinks.Read(document.Content.Span);
        return new PageLinks(document, ids, links);
    }

    private string? Check(Document page, string link, HashSet<string> destinations, Dictionary<string, HashSet<string>> ids, out bool isFragment)
    {
        isFragment = false;
        if (link.Length == 0 || Urls.IsExternal(link)) return null;
        var hash = link.IndexOf('#');
        var fragment = hash >= 0 ? Uri.UnescapeDataString(link[(hash + 1)..]) : null;
        var pathPart = hash >= 0 ? link[..hash] : link;
        var query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];

        string target;
        if (pathPart.Length == 0) target = page.Destination;
        else
        {
            var resolved = Urls.Resolve(basePath + PathOfDestination(page.Destination), pathPart);
            if (!resolved.StartsWith(basePath, StringComparison.Ordinal))
                return $"points outside the site (its base path is '{basePath}'); write addresses from the site root, like /life/";
            var relative = Uri.UnescapeDataString(resolved[basePath.Length..]);
            if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
            if (!destinations.Contains(relative) && destinations.Contains(relative + "/index.html")) relative += "/index.html";
            if (!destinations.Contains(relative))
                return _destinationsOfAllPages.Value.Contains(relative) ? null
                    : $"leads to no page or file of the site; check the address (pages are published at /folder/name/)";
            target = relative;
        }
        if (string.IsNullOrEmpty(fragment) || fragment == "top") return null;
        isFragment = true;
        if (!ids.TryGetValue(target, out var targetIds)) return null;
        return targetIds.Contains(fragment) ? null : $"names a fragment '#{fragment}' that the page does not have; link to one of its heading ids";
    }

    /// <summary>The address of a written file: <c>life/index.html</c> → <c>life/</c>.</summary>
    private static string PathOfDestination(string destination) =>
        destination.EndsWith("index.html", StringComparison.Ordinal) ? destination[..^"index.html".Length] : destination;

    private (SourcePosition At, string Origin) Locate(Document page, string link)
    {
        foreach (var written in page.Get<IReadOnlyList<MarkdownLink>>(RenderMarkdown.Links) ?? [])
            if (Urls.WithBasePath(written.Url, basePath) == link || written.Url == link) return (written.Position, "the link ");
        var layout = page.Get<string>(ApplyLayout.LayoutFile);
        return (SourcePosition.Start, layout is null ? "a link " : $"a link written by layout '{layout}' for this page, ");
    }
}
