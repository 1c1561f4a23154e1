using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;
using KropotkinSite.Theme;

namespace KropotkinSite.Modules;

/// <summary>
/// Checks every internal link and <c>#fragment</c> of the HTML about to be written against the files and ids
/// that will exist. A broken link is reported at the Markdown line that wrote it, or against the page and
/// its layout when the theme wrote it. Links to pages that failed for another reported error are not
/// reported twice.
/// </summary>
/// <param name="PageFiles">Every page's input file, whether or not it built.</param>
/// <param name="ChangingFolders">Output folders whose files are named by their content (the search index's): links
/// are looked up among them only when not found among the other files, whose names an edit seldom changes. Only
/// how much is checked again after an edit depends on this, never what is reported.</param>
public sealed record ValidateLinks(string BasePath, IReadOnlyList<string> PageFiles,
    IReadOnlyList<string> ChangingFolders) : IModule
{
    private const string PartLinksKey = "partLinks";

    /// <summary>A written page's ids and the links it holds, in runs (<see cref="HtmlLinks.Read(ReadOnlySpan{byte},
    /// IReadOnlyList{Theme.PlacedPart}, IReadOnlyList{Html.PartLinks})"/>): a part read on its own is a run of its
    /// own, the same list while the part's bytes are. Not the page itself: an edit that leaves a page's links and ids
    /// as they were leaves its reading last run's, and so every list made of the readings.</summary>
    private sealed record PageLinks(string Destination, HashSet<string> Ids, Run[] Runs);

    /// <summary>Every run of links of the pages, and the position of the page each comes from.</summary>
    private sealed record Runs(Run[] All, int[] PageOf);

    /// <summary>Where one distinct link of a page leads, as far as the page alone tells: the file it names below the
    /// site root (the page's own for a link to a fragment of it; null when it points outside the site) and the
    /// fragment it names. A value, not an object: a site has hundreds of thousands.</summary>
    private readonly record struct Target(string Link, string? File, string? Fragment);

    /// <summary>A run of a page's links and the page's address, which a relative link is resolved against.</summary>
    private sealed record Run(IReadOnlyList<string> Links, string Destination);

    /// <summary>A broken link of a run, and whether it is its fragment that is missing.</summary>
    private sealed record Broken(Target Target, string Problem, bool IsFragment);

    /// <summary>What every link is checked against: the files that will be written (all of them, when
    /// <paramref name="Complete"/>; else some, and a link not found among them is not decided), the ids of every
    /// page, and where every page would be published (links to a page that failed for another reason are not
    /// reported).</summary>
    private sealed record Site(string BasePath, HashSet<string> Destinations, Dictionary<string, HashSet<string>> Ids,
        HashSet<string> DestinationsOfAllPages, bool Complete);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        // The parts of a page laid out beforehand (the years of the timeline, the places) are read on their own, so
        // after an edit only the parts it changed are read again, and the rest of the page.
        var pages = context.Derive(
            PartReadings.Attach(inputs, context, PartLinksKey, static part => HtmlLinks.ReadPart(part)),
            static d => IsPage(d) ? Read(d) : null);
        var lasting = context.Compute(context.Derive(inputs, ChangingFolders,
            static (d, changing) => IsLasting(d, changing) ? d.Destination : ""), Set);
        var ids = context.Compute(context.Derive(pages,
            static page => page is null ? null : new PageIds(page.Destination, page.Ids)),
            IdsByDestination);
        var allPages = context.Compute(PageFiles, static files =>
            files.Select(p => Routes.OutputPathOf(Routes.PageUrl(p))).ToHashSet(StringComparer.Ordinal));
        // Resolving a run of links depends on it and its page's address alone, so after an edit only the edited
        // pages and parts resolve theirs again. The targets are then looked up among the pages and the files an edit
        // seldom adds or renames; only the few links not found there are looked up among every file written.
        var runs = context.Compute(pages, static pages => RunsOf(pages));
        var targets = context.Derive(runs.All, BasePath, static (run, basePath) => TargetsOf(run, basePath));
        var first = context.Derive(targets, new Site(BasePath, lasting, ids, allPages, false),
            static (run, site) => CheckRun(run, site));
        // The runs not found all well, in order: after most edits the same list, so not looked through again.
        var notWell = context.Compute(first, static first =>
            Enumerable.Range(0, first.Count).Where(i => first[i] is not { Length: 0 }).ToArray());
        var undecided = notWell.Where(i => first[i] is null).ToArray();
        // Every file written is gathered only for the links not found among the lasting ones: after most edits
        // there are none, and the search index's file names, which change with every edit, are not looked at.
        var rest = undecided.Length == 0 ? [] : context.Derive(undecided.Select(i => targets[i]).ToArray(),
            new Site(BasePath, context.Compute(context.Derive(inputs, static d => d.Destination), Set), ids, allPages,
                true),
            static (run, site) => CheckRun(run, site)!);
        var decided = 0;
        foreach (var page in notWell.GroupBy(i => runs.PageOf[i]))
        {
            var broken = page.Select(i => first[i] ?? rest[decided++]).Where(run => run.Length > 0).ToList();
            if (broken.Count > 0)
                foreach (var error in Errors(inputs[page.Key], broken, BasePath)) context.Report(error);
        }
        return inputs;
    }

    private static Runs RunsOf(IReadOnlyList<PageLinks?> pages)
    {
        var (all, pageOf) = (new List<Run>(pages.Count), new List<int>(pages.Count));
        for (var i = 0; i < pages.Count; i++)
            foreach (var run in pages[i]?.Runs ?? [])
            {
                all.Add(run);
                pageOf.Add(i);
            }
        return new Runs([.. all], [.. pageOf]);
    }

    private static HashSet<string> Set(IReadOnlyList<string> destinations) =>
        new(destinations.Where(d => d.Length > 0), StringComparer.Ordinal);

    /// <summary>Pages, and files outside the folders whose files are named by their content.</summary>
    private static bool IsLasting(Document document, IReadOnlyList<string> changingFolders) =>
        IsPage(document) || !changingFolders.Any(f => document.Destination.StartsWith(f, StringComparison.Ordinal));

    private static bool IsPage(Document document) => document.Destination.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>The ids of the page written to a file.</summary>
    private sealed record PageIds(string Destination, HashSet<string> Ids);

    private static Dictionary<string, HashSet<string>> IdsByDestination(IReadOnlyList<PageIds?> pages)
    {
        var ids = new Dictionary<string, HashSet<string>>(pages.Count, StringComparer.Ordinal);
        foreach (var page in pages.OfType<PageIds>()) ids.TryAdd(page.Destination, page.Ids);
        return ids;
    }

    /// <summary>The broken links of a run; null when the site checked against is not complete and a link is not
    /// found in it.</summary>
    private static Broken[]? CheckRun(Target[] run, Site site)
    {
        List<Broken>? found = null;
        foreach (var target in run)
        {
            var problem = Check(target, site, out var isFragment);
            if (problem is null) continue;
            if (ReferenceEquals(problem, Undecided)) return null;
            (found ??= []).Add(new Broken(target, problem, isFragment));
        }
        return found is null ? [] : found.ToArray();
    }

    /// <summary>A page's errors, each link once, in the order its runs' broken links come: a run's are in the order
    /// they first come in it, and a link broken in one run is broken alike in every run of the page, so this is the
    /// order they first come in the page.</summary>
    private static IEnumerable<ContentError> Errors(Document page, List<Broken[]> runs, string basePath)
    {
        var reported = runs.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var run in runs)
            foreach (var (target, problem, isFragment) in run)
            {
                if (reported is not null && !reported.Add(target.Link)) continue;
                var (at, origin) = Locate(page, target.Link, basePath);
                yield return new ContentError(page.Source.Length > 0 ? page.Source : page.Destination,
                    at.Line, at.Column, isFragment ? ErrorCodes.BrokenFragment : ErrorCodes.BrokenLink,
                    $"{origin}'{target.Link}' {problem}");
            }
    }

    private static PageLinks Read(Document document)
    {
        var (ids, runs) = HtmlLinks.Read(document.Content.Span, PartReadings.Of(document),
            document.Get<PartLinks[]>(PartLinksKey) ?? []);
        var destination = document.Destination;
        return new PageLinks(destination, ids, [.. runs.Select(links => new Run(links, destination))]);
    }

    private static Target[] TargetsOf(Run run, string basePath)
    {
        // Gathered in this thread's lists, cleared for each run, so that only the result is made anew.
        var seen = _seen ??= new HashSet<string>(StringComparer.Ordinal);
        var targets = _targets ??= [];
        seen.Clear();
        targets.Clear();
        foreach (var link in run.Links)
            if (seen.Add(link) && TargetOf(run.Destination, link, basePath) is { } target) targets.Add(target);
        return [.. targets];
    }

    [ThreadStatic] private static HashSet<string>? _seen;
    [ThreadStatic] private static List<Target>? _targets;

    /// <summary>Where a link leads, as far as its page tells; null for a link that cannot be broken (external, to
    /// the top of a page).</summary>
    private static Target? TargetOf(string page, string link, string basePath)
    {
        if (link.Length == 0 || Urls.IsExternal(link)) return null;
        // Cut as spans: a page holds dozens of links, and only what a target keeps becomes a string.
        var hash = link.IndexOf('#');
        var fragment = hash >= 0 ? Unescaped(link.AsSpan(hash + 1)) : null;
        if (fragment == "top" || fragment?.Length == 0) fragment = null;
        var pathPart = hash >= 0 ? link.AsSpan(0, hash) : link.AsSpan();
        var query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];
        if (pathPart.IsEmpty) return fragment is null ? null : new Target(link, page, fragment);

        var resolved = Urls.IsPlainAbsolutePath(pathPart) ? pathPart
            : Urls.Resolve(basePath + PathOfDestination(page), pathPart.ToString());
        if (!resolved.StartsWith(basePath, StringComparison.Ordinal))
            return new Target(link, null, null);
        var below = resolved[basePath.Length..];
        if (below.Contains('%')) below = Uri.UnescapeDataString(below.ToString());
        var file = below.IsEmpty || below[^1] == '/' ? SharedStrings.Of(below, "index.html") : SharedStrings.Of(below);
        return new Target(link, file, fragment);
    }

    /// <summary>A link's part as <see cref="Uri.UnescapeDataString(string)"/> gives it.</summary>
    private static string Unescaped(ReadOnlySpan<char> part) =>
        part.Contains('%') ? Uri.UnescapeDataString(part.ToString()) : SharedStrings.Of(part);

    private const string Undecided = "not found among some of the files";

    /// <summary>What is wrong with a link, or null; <see cref="Undecided"/> when the site is not complete and the
    /// file it names is not among the files checked.</summary>
    private static string? Check(Target link, Site site, out bool isFragment)
    {
        isFragment = false;
        if (link.File is not { } target)
            return $"points outside the site (its base path is '{site.BasePath}'); " +
                "write addresses from the site root, like /life/";
        var destinations = site.Destinations;
        var found = destinations.Contains(target);
        if (!found && !site.Complete) return Undecided;
        if (!found && destinations.Contains(target + "/index.html"))
        {
            target += "/index.html";
            found = true;
        }
        if (!found)
            return site.DestinationsOfAllPages.Contains(target) ? null
                : $"leads to no page or file of the site; check the address (pages are published at /folder/name/)";
        if (link.Fragment is not { } fragment) return null;
        isFragment = true;
        if (!site.Ids.TryGetValue(target, out var targetIds)) return null;
        return targetIds.Contains(fragment) ? null : $"names a fragment '#{fragment}' that the page does not have; " +
            "link to one of its heading ids";
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
