using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Checks every internal link and <c>#fragment</c> of the HTML about to be written against the files and ids
/// that will exist. A broken link is reported at the Markdown line that wrote it, or against the page and
/// its layout when the theme wrote it. Links to pages that failed for another reported error are not
/// reported twice.
/// </summary>
public sealed class ValidateLinks(string basePath, IReadOnlySet<string> destinationsOfFailedSources) : IModule
{
    private sealed record PageLinks(Document Document, HashSet<string> Ids, List<string> Links);
    private const string Extracted = "extractedLinks";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var destinations = new HashSet<string>(inputs.Select(d => d.Destination).Where(d => d.Length > 0), StringComparer.Ordinal);
        var html = inputs.Where(d => d.Destination.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        var pages = new PageLinks[html.Length];
        var options = new ParallelOptions { CancellationToken = context.Cancellation };
        Parallel.For(0, html.Length, options, i => pages[i] = ReadThroughCache(html[i], context));
        var idsByDestination = pages.GroupBy(p => p.Document.Destination, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Ids, StringComparer.Ordinal);

        // In a preview session a page's findings are kept until the page or the site's shape (its files and
        // their ids) changes, so an edit that adds no page and no heading has only the edited page checked again.
        var shape = context.Cache is null ? null : Shape(inputs, idsByDestination);
        Parallel.ForEach(pages, options, page =>
        {
            var key = shape is null ? null : page.Document.Get<string>(ModuleCache.Fingerprint) is { } fingerprint ? fingerprint + "|" + shape : null;
            if (key is not null && context.Cache!.TryGet(context.Step + "/check", key, out _, out var known))
            {
                foreach (var error in known) context.Report(error);
                return;
            }
            var found = CheckPage(page, destinations, idsByDestination);
            foreach (var error in found) context.Report(error);
            if (key is not null) context.Cache!.Set(context.Step + "/check", key, null, found);
        });
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

    /// <summary>A hash of every file that will be written and every id of every page: what link checks depend on.
    /// (Within one process the same documents in the same order give the same sequence, so nothing needs sorting.)</summary>
    private string Shape(IReadOnlyList<Document> inputs, Dictionary<string, HashSet<string>> ids)
    {
        var text = new System.Text.StringBuilder();
        foreach (var document in inputs)
        {
            text.Append(document.Destination).Append('\u0001');
            if (ids.TryGetValue(document.Destination, out var pageIds))
                foreach (var id in pageIds) text.Append(id).Append('\u0002');
            text.Append('\u0003');
        }
        foreach (var failed in destinationsOfFailedSources.Order(StringComparer.Ordinal)) text.Append(failed).Append('\u0004');
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>In a preview session, a page whose fingerprint is unchanged is not read again.</summary>
    private static PageLinks ReadThroughCache(Document document, IExecutionContext context)
    {
        var key = document.Get<string>(ModuleCache.Fingerprint);
        if (context.Cache is null || key is null) return Read(document);
        if (context.Cache.TryGet(context.Step, key, out var cached, out _) && cached?.Get<PageLinks>(Extracted) is { } links)
            return links with { Document = document };
        var read = Read(document);
        context.Cache.Set(context.Step, key, Document.Create("", "", ReadOnlyMemory<byte>.Empty).With(Extracted, read), []);
        return read;
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
                return destinationsOfFailedSources.Contains(relative) ? null
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
