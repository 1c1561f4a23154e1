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
/// <param name="PageFiles">Every page's input file, whether or not it built.</param>
public sealed record ValidateLinks(string BasePath, IReadOnlyList<string> PageFiles) : IModule
{
    /// <summary>A written page's ids and the links it holds.</summary>
    private sealed record PageLinks(Document Document, HashSet<string> Ids, List<string> Links);

    /// <summary>What every link is checked against: the files that will be written, the ids of every page, and
    /// where every page would be published (links to a page that failed for another reason are not reported).</summary>
    private sealed record Site(string BasePath, HashSet<string> Destinations, Dictionary<string, HashSet<string>> Ids,
        HashSet<string> DestinationsOfAllPages);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = context.Derive(inputs, static d => IsPage(d) ? Read(d) : null);
        var destinations = context.Compute(context.Derive(inputs, static d => d.Destination), static all =>
            new HashSet<string>(all.Where(d => d.Length > 0), StringComparer.Ordinal));
        var ids = context.Compute(context.Derive(pages,
            static page => page is null ? null : new PageIds(page.Document.Destination, page.Ids)),
            IdsByDestination);
        var allPages = context.Compute(PageFiles, static files =>
            files.Select(p => Routes.OutputPathOf(Routes.PageUrl(p))).ToHashSet(StringComparer.Ordinal));
        var site = new Site(BasePath, destinations, ids, allPages);
        var findings = context.Derive(pages, site, static (page, site) => page is null ? [] : CheckPage(page, site));
        foreach (var found in findings)
            foreach (var error in found) context.Report(error);
        return inputs;
    }

    private static bool IsPage(Document document) => document.Destination.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>The ids of the page written to a file.</summary>
    private sealed record PageIds(string Destination, HashSet<string> Ids);

    private static Dictionary<string, HashSet<string>> IdsByDestination(IReadOnlyList<PageIds?> pages)
    {
        var ids = new Dictionary<string, HashSet<string>>(pages.Count, StringComparer.Ordinal);
        foreach (var page in pages.OfType<PageIds>()) ids.TryAdd(page.Destination, page.Ids);
        return ids;
    }

    private static ContentError[] CheckPage(PageLinks page, Site site)
    {
        var found = new List<ContentError>();
        foreach (var link in page.Links.Distinct(StringComparer.Ordinal))
        {
            var problem = Check(page.Document, link, site, out var isFragment);
            if (problem is null) continue;
            var (at, origin) = Locate(page.Document, link, site.BasePath);
            found.Add(new ContentError(
                page.Document.Source.Length > 0 ? page.Document.Source : page.Document.Destination,
                at.Line, at.Column, isFragment ? ErrorCodes.BrokenFragment : ErrorCodes.BrokenLink,
                $"{origin}'{link}' {problem}"));
        }
        return found.ToArray();
    }

    private static PageLinks Read(Document document)
    {
        var (ids, links) = HtmlLinks.Read(document.Content.Span);
        return new PageLinks(document, ids, links);
    }

    private static string? Check(Document page, string link, Site site, out bool isFragment)
    {
        var basePath = site.BasePath;
        isFragment = false;
        if (link.Length == 0 || Urls.IsExternal(link)) return null;
        // Read as spans and looked up without making strings: a site's pages hold many links each.
        var hash = link.IndexOf('#');
        var pathPart = hash >= 0 ? link.AsSpan(0, hash) : link.AsSpan();
        var query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];

        var destinations = site.Destinations.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        scoped ReadOnlySpan<char> target;
        if (pathPart.IsEmpty) target = page.Destination;
        else
        {
            var resolved = Urls.IsPlainAbsolutePath(pathPart) ? pathPart
                : Urls.Resolve(basePath + PathOfDestination(page.Destination), pathPart.ToString());
            if (!resolved.StartsWith(basePath, StringComparison.Ordinal))
                return $"points outside the site (its base path is '{basePath}'); " +
                    "write addresses from the site root, like /life/";
            var relative = resolved[basePath.Length..];
            if (relative.Contains('%')) relative = Uri.UnescapeDataString(relative.ToString());
            // relative, then "index.html" after a folder, then perhaps "/index.html": room for all three.
            var room = relative.Length + "index.html".Length + "/index.html".Length;
            var candidate = room <= buffer.Length ? buffer : new char[room];
            relative.CopyTo(candidate);
            var length = relative.Length;
            if (length == 0 || relative[^1] == '/') length += Append(candidate, length, "index.html");
            if (!destinations.Contains(candidate[..length])
                && destinations.Contains(candidate[..(length + Append(candidate, length, "/index.html"))]))
                length += "/index.html".Length;
            target = candidate[..length];
            if (!destinations.Contains(target))
                return site.DestinationsOfAllPages.GetAlternateLookup<ReadOnlySpan<char>>().Contains(target) ? null
                    : $"leads to no page or file of the site; check the address (pages are published at /folder/name/)";
        }
        if (hash < 0 || hash == link.Length - 1) return null;
        var fragment = link.AsSpan(hash + 1);
        if (fragment.Contains('%')) fragment = Uri.UnescapeDataString(fragment.ToString());
        if (fragment.IsEmpty || fragment.SequenceEqual("top")) return null;
        isFragment = true;
        if (!site.Ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(target, out var targetIds)) return null;
        return targetIds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(fragment) ? null
            : $"names a fragment '#{fragment}' that the page does not have; link to one of its heading ids";
    }

    /// <summary>Writes <paramref name="text"/> into <paramref name="buffer"/> at <paramref name="at"/>; gives its
    /// length.</summary>
    private static int Append(Span<char> buffer, int at, string text)
    {
        text.CopyTo(buffer[at..]);
        return text.Length;
    }

    /// <summary>The address of a written file: <c>life/index.html</c> → <c>life/</c>.</summary>
    private static string PathOfDestination(string destination) =>
        destination.EndsWith("index.html",
            StringComparison.Ordinal) ? destination[..^"index.html".Length] : destination;

    private static (SourcePosition At, string Origin) Locate(Document page, string link, string basePath)
    {
        foreach (var written in page.Get<IReadOnlyList<MarkdownLink>>(RenderMarkdown.Links) ?? [])
            if (Urls.WithBasePath(written.Url, basePath) == link
                || written.Url == link) return (written.Position, "the link ");
        var layout = page.Get<string>(ApplyLayout.LayoutFile);
        return (SourcePosition.Start,
            layout is null ? "a link " : $"a link written by layout '{layout}' for this page, ");
    }
}
