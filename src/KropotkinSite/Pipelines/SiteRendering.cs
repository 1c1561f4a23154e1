using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;
using KropotkinSite.Modules;
using KropotkinSite.Theme;

namespace KropotkinSite.Pipelines;

/// <summary>
/// Prepares every page for its layout once all pages are known: the site index (navigation, sections,
/// backlinks), the works catalogue, the timeline, and each page's view.
/// </summary>
public sealed class SiteRendering(string basePath, LiquidLayouts layouts, string dataPipeline, string assetsPipeline, string timelinePipeline)
{
    public static Func<IExecutionContext, SiteSettings?> Settings(string dataPipeline) => context =>
        context.OutputsOf(dataPipeline).Select(d => d.Get<SiteSettings>(ReadSiteModel.Settings)).OfType<SiteSettings>().FirstOrDefault();

    public PreparedLayouts Prepare(IReadOnlyList<Document> documents, IExecutionContext context)
    {
        var settings = Settings(dataPipeline)(context) ?? SiteSettings.Default("Untitled site");
        var timelineData = context.OutputsOf(timelinePipeline).Select(d => d.Get<TimelineData>(CollectTimeline.Timeline)).OfType<TimelineData>().FirstOrDefault()
            ?? new TimelineData([], []);
        var kept = context.Cache?.Recall<Kept>(context.Step + "/prepare");
        // In a preview session only the documents edited since the last run are read again, and the last index is
        // kept while none of them shows other pages anything new.
        var changed = Positions.Changed(documents, kept?.Documents);
        var entryList = new PageEntry[documents.Count];
        if (changed is not null) Array.Copy(kept!.EntryList, entryList, entryList.Length);
        Parallel.ForEach(changed ?? Enumerable.Range(0, documents.Count), new ParallelOptions { CancellationToken = context.Cancellation },
            i => entryList[i] = Entry(documents[i]));
        var index = changed is not null && changed.All(i => SiteIndex.ShowsSame(kept!.EntryList[i], entryList[i]))
            ? kept!.Index
            : new SiteIndex(entryList.Where(e => e.Kind != PageKinds.NotFound));
        // A page's entry by document: those just read (all a rebuild after an edit asks for), or any.
        var edited = new Dictionary<Document, PageEntry>(ReferenceEqualityComparer.Instance);
        foreach (var i in changed ?? []) edited.TryAdd(documents[i], entryList[i]);
        var all = new Lazy<Dictionary<Document, PageEntry>>(() =>
        {
            var byDocument = new Dictionary<Document, PageEntry>(documents.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < documents.Count; i++) byDocument.TryAdd(documents[i], entryList[i]);
            return byDocument;
        });
        var views = new PageViewBuilder(settings, index, basePath, SitePaths.TimelineUrl, timelineData.IdOf);
        var site = SiteView(settings, views, context);
        var catalogue = new Lazy<WorksCatalogueView>(() => WorksCatalogue.Build(index.Works, views.Href));
        var timeline = new Lazy<TimelineView>(() => TimelineBuilder.Build(timelineData.Ordered, timelineData.Ids, settings.Periods,
            e => e.PageUrl is null ? null : views.Href(e.PageUrl) + (e.Anchor is null ? "" : "#" + e.Anchor)));
        // Everything every page may show: the site view, the settings behind structured data, the navigation.
        var shared = new Lazy<string>(() => RenderSignature.Of(new { site, settings, navigation = index.Navigation.Select(p => new { p.Url, p.Title, p.Summary }) }));

        // In a preview session: the same index, timeline and shared parts as last run are the same site, and
        // a page unchanged since then renders the same.
        // When an edit changed only what some pages show of the edited ones (a title, a summary, an order, links),
        // the site stays the same for every other page and only those are checked again.
        var generation = 0;
        IReadOnlySet<Document> recheck = new HashSet<Document>();
        if (context.Cache is not null)
        {
            var sameSite = kept is not null && ReferenceEquals(index, kept.Index) && ReferenceEquals(timelineData, kept.Timeline) && shared.Value == kept.Shared;
            var showing = sameSite ? null : PagesShowingEdits(kept, changed, entryList, documents, index, timelineData, shared.Value);
            generation = sameSite || showing is not null ? kept!.Generation : (kept?.Generation ?? 0) + 1;
            recheck = showing ?? recheck;
            context.Cache.Keep(context.Step + "/prepare", new Kept([.. documents], entryList, index, timelineData, shared.Value, generation));
        }

        return new PreparedLayouts(document =>
        {
            var entry = edited.TryGetValue(document, out var known) ? known : all.Value[document];
            var info = document.Get<PageInfo>(ReadPageInfo.Page);
            var html = document.Get<string>(RenderMarkdown.Html) ?? "";
            var view = new Lazy<PageView>(() => views.Build(entry, html,
                entry.Kind == PageKinds.WorksIndex ? catalogue.Value : null,
                entry.Kind == PageKinds.Timeline ? timeline.Value : null));
            Func<string>? generated = entry.Kind switch
            {
                PageKinds.WorksIndex => () => RenderSignature.Of(catalogue.Value),
                PageKinds.Timeline => () => TimelineBuilder.Key(timelineData.Ordered, timelineData.Ids, settings.Periods),
                _ => null,
            };
            var layout = info?.Layout ?? DefaultLayout(entry.Kind);
            return new LayoutJob(layout, info?.LayoutPosition ?? SourcePosition.Start,
                content => new LayoutModel(site, view.Value, views.Navigation(entry), content ?? html),
                () => views.DependencyKey(entry, document.Get<string>(ModuleCache.Fingerprint) ?? RenderSignature.Of(new { info, html }), shared.Value, generated));
        }, generation.ToString(System.Globalization.CultureInfo.InvariantCulture), recheck);
    }

    /// <summary>
    /// The documents that show something of the pages edited since the last run, when that is all that changed
    /// for the site (the shared parts are the same, and every event keeps its id); null when the edit may reach
    /// every page. It follows <see cref="PageViewBuilder.DependencyKey"/>: an edited page shows itself to its
    /// section page (for a work, the works index), to the pages before and after it (in the last index and in
    /// this one) and to the pages it links to (backlinks). A section page's title and summary show in the
    /// navigation, one of the shared parts, so a change to them reaches every page anyway; and the timeline page
    /// is a new document whenever its events change.
    /// </summary>
    private static HashSet<Document>? PagesShowingEdits(Kept? kept, List<int>? changed, PageEntry[] entries, IReadOnlyList<Document> documents,
        SiteIndex index, TimelineData timeline, string shared)
    {
        if (kept is null || changed is null || shared != kept.Shared) return null;
        if (!ReferenceEquals(timeline, kept.Timeline) && !timeline.GivesSameIdsAs(kept.Timeline)) return null;
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in changed)
        {
            var (before, now) = (kept.EntryList[i], entries[i]);
            if (SiteIndex.ShowsSame(before, now)) continue;
            if (before.Url != now.Url || before.Kind != now.Kind) return null;
            urls.Add("/" + now.Section + "/");
            foreach (var neighbour in new[] { kept.Index.Neighbours(before), index.Neighbours(now) })
            {
                if (neighbour.Previous is { } previous) urls.Add(previous.Url);
                if (neighbour.Next is { } next) urls.Add(next.Url);
            }
            urls.UnionWith(before.LinkTargets);
            urls.UnionWith(now.LinkTargets);
        }
        var showing = new HashSet<Document>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entries.Length; i++)
            if (urls.Contains(entries[i].Url)) showing.Add(documents[i]);
        return showing;
    }

    /// <summary>What rendering kept from its last run in a preview session: the documents and their entries, in
    /// order, and the site it saw (index, timeline, shared parts), numbered so a change of any of them gives a new number.</summary>
    private sealed record Kept(Document[] Documents, PageEntry[] EntryList, SiteIndex Index, TimelineData Timeline, string Shared, int Generation);

    /// <summary>The layout of a kind of page; a theme without it falls back to <c>page</c>.</summary>
    private string DefaultLayout(string kind)
    {
        var name = kind == PageKinds.Home ? "home" : kind;
        return layouts.Has(name) ? name : "page";
    }

    private static PageEntry Entry(Document document)
    {
        var info = document.Get<PageInfo>(ReadPageInfo.Page);
        var url = document.Require<string>(ReadPageInfo.Url);
        var headings = document.Get<IReadOnlyList<PageHeading>>(RenderMarkdown.Headings) ?? [];
        var links = (document.Get<IReadOnlyList<MarkdownLink>>(RenderMarkdown.Links) ?? [])
            .Select(l => LinkTarget(url, l.Url)).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var kind = document.Get<string>(GeneratePage.Kind)
            ?? (url == "/" ? PageKinds.Home
                : info?.Work is not null ? PageKinds.Work
                : IsSectionIndex(document.Get<string>(ReadFiles.RelativePath)) ? PageKinds.Section
                : PageKinds.Page);
        return new PageEntry(url, info?.Title ?? "", info?.Description, document.Get<string>(RenderMarkdown.Excerpt) ?? "",
            info?.Order, document.Source, info, headings, links, kind);
    }

    /// <summary><c>life/index.md</c> introduces the section <c>life</c>.</summary>
    private static bool IsSectionIndex(string? relativePath) =>
        relativePath is not null && relativePath.EndsWith("/index.md", StringComparison.Ordinal) && relativePath.Count(c => c == '/') == 1;

    /// <summary>The page address a Markdown link points to (<c>../siberia/#x</c> from <c>/life/a/</c> → <c>/life/siberia/</c>).</summary>
    private static string? LinkTarget(string pageUrl, string link)
    {
        if (Urls.IsExternal(link)) return null;
        var path = link.Split('#', 2)[0].Split('?', 2)[0];
        if (path.Length == 0) return null;
        var resolved = Urls.Resolve(pageUrl, path);
        return resolved.EndsWith('/') ? resolved : resolved + "/";
    }

    private SiteView SiteView(SiteSettings settings, PageViewBuilder views, IExecutionContext context)
    {
        var assets = context.OutputsOf(assetsPipeline)
            .ToDictionary(d => d.Require<string>(FingerprintAssets.AssetPath), d => views.Href("/" + d.Destination), StringComparer.Ordinal);
        var data = context.OutputsOf(dataPipeline)
            .Where(d => d.Get<string>(ReadData.DataName) is not null && d.Require<string>(ReadFiles.RelativePath).StartsWith(SitePaths.DataFolder, StringComparison.Ordinal))
            .GroupBy(d => d.Require<string>(ReadData.DataName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Get<object>(ReadData.Data), StringComparer.Ordinal);
        return new SiteView(settings.Title, settings.Description, settings.Author, settings.Language, settings.BaseUrl?.AbsoluteUri,
            basePath, settings.License, settings.Sources, views.Href("/"), views.Href(SitePaths.TimelineUrl), views.Href(SitePaths.WorksUrl), assets, data);
    }
}
