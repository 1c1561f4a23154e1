using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;

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

    /// <summary>What a preview session keeps from the last run, position by position: the documents, each page's
    /// links and ids, and its findings; and the site's shape the findings hold for (every file that will be
    /// written, every page's ids, every page's input file).</summary>
    private sealed record Kept(Document[] Inputs, PageLinks?[] Pages, ContentError[][] Findings,
        HashSet<string> Destinations, Dictionary<string, HashSet<string>> Ids, IReadOnlyList<string> PageFiles)
    {
        public Dictionary<Document, PageLinks> PagesByDocument()
        {
            var byDocument = new Dictionary<Document, PageLinks>(Pages.Length, ReferenceEqualityComparer.Instance);
            foreach (var page in Pages.OfType<PageLinks>()) byDocument.TryAdd(page.Document, page);
            return byDocument;
        }
    }

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var kept = context.Cache?.Recall<Kept>(context.Step);
        var options = new ParallelOptions { CancellationToken = context.Cancellation };
        var changed = Positions.Changed(inputs, kept?.Inputs);
        var all = Enumerable.Range(0, inputs.Count);

        // In a preview session only pages edited since the last run are read again (by position, or by document
        // when the list of documents changed).
        var pages = new PageLinks?[inputs.Count];
        if (changed is not null) Array.Copy(kept!.Pages, pages, pages.Length);
        var byDocument = changed is null ? kept?.PagesByDocument() : null;
        Parallel.ForEach(changed ?? all, options, i => pages[i] = IsPage(inputs[i]) ? byDocument?.GetValueOrDefault(inputs[i]) ?? Read(inputs[i]) : null);

        // While the site's shape is the same, findings are kept but for the edited pages: an edit that adds no
        // page and no heading has only the edited page checked again.
        var sameShape = changed is not null && SamePageFiles(kept!.PageFiles)
            && changed.All(i => inputs[i].Destination == kept.Inputs[i].Destination && SameIds(kept.Pages[i], pages[i]));
        var destinations = sameShape ? kept!.Destinations
            : new HashSet<string>(inputs.Select(d => d.Destination).Where(d => d.Length > 0), StringComparer.Ordinal);
        var ids = sameShape ? kept!.Ids : IdsByDestination(pages);
        var findings = new ContentError[inputs.Count][];
        if (sameShape) Array.Copy(kept!.Findings, findings, findings.Length);
        Parallel.ForEach(sameShape ? changed! : all, options, i => findings[i] =
            pages[i] is not { } page ? []
            : sameShape && kept!.Findings[i].Length == 0 && kept.Pages[i] is { } before && before.Links.SequenceEqual(page.Links) ? [] // the same links, all good before
            : CheckPage(page, destinations, ids));
        foreach (var found in findings)
            foreach (var error in found) context.Report(error);

        context.Cache?.Keep(context.Step, new Kept([.. inputs], pages, findings, destinations, ids, pageFiles));
        return inputs;
    }

    private static bool IsPage(Document document) => document.Destination.EndsWith(".html", StringComparison.Ordinal);

    private bool SamePageFiles(IReadOnlyList<string> before) =>
        ReferenceEquals(before, pageFiles) || before.SequenceEqual(pageFiles, StringComparer.Ordinal);

    private static bool SameIds(PageLinks? before, PageLinks? now) =>
        before is null ? now is null : now is not null && (ReferenceEquals(before.Ids, now.Ids) || before.Ids.SetEquals(now.Ids));

    private static Dictionary<string, HashSet<string>> IdsByDestination(PageLinks?[] pages)
    {
        var ids = new Dictionary<string, HashSet<string>>(pages.Length, StringComparer.Ordinal);
        foreach (var page in pages.OfType<PageLinks>()) ids.TryAdd(page.Document.Destination, page.Ids);
        return ids;
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
