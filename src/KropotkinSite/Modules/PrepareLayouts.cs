using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Html;
using KropotkinSite.Maps;
using KropotkinSite.Theme;

namespace KropotkinSite.Modules;

/// <summary>
/// Gives every page what its layout is to show, once all pages are known: the site index (navigation, sections,
/// previous/next, backlinks), the works catalogue, the timeline, and the page's own view. Sets <c>pageEntry</c>
/// (what the site knows of the page) and <c>layoutJob</c> (the layout and its model) on each.
/// </summary>
public sealed record PrepareLayouts(
    string BasePath,
    string DataPipeline,
    string AssetsPipeline,
    string TimelinePipeline,
    string PlacesPipeline,
    string ThemePipeline,
    string TimelineUrl,
    string WorksUrl,
    string PlacesUrl,
    string SearchUrl,
    string DataFolder) : IModule
{
    public const string Entry = "pageEntry";
    public const string Job = "layoutJob";

    private static readonly TimelineData NoEvents = new([], []);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var settings = ReadSiteModel.SettingsIn(context.OutputsOf(DataPipeline))
            ?? SiteSettings.Default("Untitled site");
        var timelineData = context.OutputsOf(TimelinePipeline)
            .Select(d => d.Get<TimelineData>(CollectTimeline.Timeline))
            .OfType<TimelineData>().FirstOrDefault() ?? NoEvents;
        var withEntries = context.Map(inputs, static (document, _) => document.With(Entry, EntryOf(document)));
        // An entry equal to last run's is last run's very object, so that the pieces made of the entries find them
        // unchanged at a glance after an edit that leaves its page's entry as it was.
        // Derived from the documents, so that after an edit only the pages it changed are looked into.
        var entries = context.Derive(withEntries, static d => d.Require<PageEntry>(Entry));
        var index = IndexOf(entries, context);
        var site = context.Compute(
            (Settings: settings, Assets: context.OutputsOf(AssetsPipeline), Data: context.OutputsOf(DataPipeline),
                Module: this),
            static parts => parts.Module.SiteViewOf(parts.Settings, parts.Assets, parts.Data));
        var catalogue = context.Compute((index.Index.Works, BasePath),
            static parts => WorksCatalogue.Build(parts.Works, url => PageViewBuilder.Href(parts.BasePath, url)));
        var register = context.OutputsOf(PlacesPipeline).Select(d => d.Get<PlaceRegister>(CollectPlaces.Places))
            .OfType<PlaceRegister>().FirstOrDefault();
        // The places' ids and map, and the order of the timeline, are made from what they read of the events (their
        // places; their dates, pages and where they are declared) and of the index (where it tells each page), not
        // from the page titles the events carry: so a retitled page numbers, draws and orders nothing again.
        var placesOfEvents = context.Derive(timelineData.Ordered, static e => e.Places);
        var placeIds = context.Compute(placesOfEvents, static places => PlacesBuilder.Ids(places));
        var map = context.Compute((placesOfEvents, register, placeIds),
            static parts => PlacesBuilder.Map(parts.placesOfEvents, parts.register, parts.placeIds));
        var storyKeys = context.Derive(timelineData.Ordered, static e => StoryKey.Of(e));
        var sources = context.Derive(entries, static e => e.Source);
        var telling = context.Compute((index.Parts.Shape, index.Parts.Order, sources),
            static parts => TellingOrder.Of(parts.Shape, parts.Order, parts.sources));
        // The timeline in story order, which follows the reading order of the pages (see TimelineBuilder).
        var story = context.Compute((storyKeys, telling),
            static parts => TimelineBuilder.StoryOrder(parts.storyKeys, parts.telling));
        // Entry by entry, so an edit makes again only the entries of the events it touched, and the timeline's
        // years whose entries are all last run's are last run's (RenderLayoutParts lays out each year on its own).
        var timelineEntries = context.Derive(
            story.Select(i => (timelineData.Ordered[i], timelineData.Ids[i])).ToArray(),
            (BasePath, PlacesUrl, placeIds),
            static (e, site) => TimelineBuilder.Entry(e.Item1, e.Item2, PageHref(site.BasePath, e.Item1),
                name => PageViewBuilder.Href(site.BasePath, site.PlacesUrl) + "#" + site.placeIds[name]));
        var timeline = TimelineOf(timelineEntries, settings.Periods, context);
        var places = PlacesOf(timelineData, placesOfEvents, register, placeIds, map, context);
        // From where the events are declared, not from the rest of them: a retitled page changes its events.
        var eventIds = context.Compute((context.Derive(timelineData.Ordered, static e => EventSource.Of(e)),
            timelineData.Ids), static parts => TimelineIds.Of(parts.Item1, parts.Ids));
        // What each page shows of the others is made from its slice: a page whose slice holds the very objects of
        // last run keeps its surroundings, its model and its layout without a look. The few pages that present the
        // catalogue, the timeline or the places take them apart, so a change to those makes no other page again.
        var eventIdsOfPages = context.Derive(entries, eventIds, static (e, ids) => PageSurroundings.EventIdsOf(e, ids));
        var slices = context.Compute((index.Parts, eventIdsOfPages),
            static parts => parts.Parts.ToIndex().Slices(parts.eventIdsOfPages));
        var around = context.Derive(slices, static slice => PageSurroundings.Of(slice));
        var presents = context.Compute(entries,
            static all => all.Select(e => PageSurroundings.Presents(e.Kind)).ToArray());
        var presented = context.Derive(Enumerable.Range(0, entries.Count).Where(i => presents[i])
                .Select(i => (entries[i].Kind, around[i])).ToArray(), (catalogue, timeline, places),
            static (page, shown) => page.Item2.Presenting(page.Kind, shown.catalogue, shown.timeline, shown.places));
        var surroundings = around.ToArray();
        for (int i = 0, next = 0; i < surroundings.Length; i++)
            if (presents[i]) surroundings[i] = presented[next++];

        var navigation = context.Compute((index.Index.Navigation, BasePath),
            static parts => NavigationLinks.Of(parts.Navigation, parts.BasePath));
        var views = new SiteViews(settings, navigation, site, BasePath, TimelineUrl);
        var layouts = ReadTheme.LayoutsIn(context.OutputsOf(ThemePipeline));
        // Derived for each page with its surroundings, so a page whose document and surroundings are last run's
        // is last run's document.
        var pages = Enumerable.Range(0, withEntries.Count).Select(i => (withEntries[i], surroundings[i])).ToArray();
        return context.Derive(pages, (views, layouts), static (page, site) =>
        {
            var (document, around) = page;
            var entry = document.Require<PageEntry>(Entry);
            var info = document.Get<PageInfo>(ReadPageInfo.Page);
            var html = document.Get<byte[]>(RenderMarkdown.Html) ?? [];
            var layout = info?.Layout ?? DefaultLayout(entry.Kind, site.layouts);
            var model = site.views.ModelOf(entry, around);
            return document.With(Job, new LayoutJob(layout, info?.LayoutPosition ?? SourcePosition.Start, model,
                PartsOf(model.Page, site.layouts), html));
        });
    }

    /// <summary>The timeline, group by group and tick by tick, so an edit makes again the groups and ticks of the
    /// entries it changed: the others, and the years of their groups, are last run's very objects.</summary>
    private static TimelineView TimelineOf(IReadOnlyList<TimelineEntry> entries, IReadOnlyList<TimelinePeriod> periods,
        IExecutionContext context)
    {
        var bounds = context.Compute((entries, periods),
            static parts => TimelineBuilder.Bounds(parts.entries, parts.periods));
        var buckets = context.Compute((entries, periods), static parts => TimelineBuilder.Buckets(parts.entries,
            parts.periods));
        var groups = context.Derive(buckets, static b => TimelineBuilder.Group(b.Head, b.Entries));
        var ticks = context.Derive(entries, bounds, static (e, b) => TimelineBuilder.Tick(e, b.First, b.Last));
        // From what the strip shows of the groups, not from their entries: a retitled page leaves it as it was.
        var strip = context.Compute(
            (Bands: TimelineBuilder.BandsOf(groups, [.. buckets.Select(b => b.Head)]), ticks, bounds),
            static parts => TimelineBuilder.Strip(parts.Bands, parts.ticks, parts.bounds.First, parts.bounds.Last));
        return context.Compute((groups, strip), static parts => new TimelineView([.. parts.groups], parts.strip));
    }

    /// <summary>The places page, place by place, so an edit makes again the places of the events it changed: the
    /// others are last run's very objects, and their parts are laid out once.</summary>
    private PlacesView PlacesOf(TimelineData timelineData, IReadOnlyList<ValueList<EventPlace>> placesOfEvents,
        PlaceRegister? register, IReadOnlyDictionary<string, string> placeIds, PlacesMap? map,
        IExecutionContext context)
    {
        var visits = context.Compute(placesOfEvents, static places => PlacesBuilder.Visits(places));
        var visited = context.Compute((visits, timelineData.Ordered, timelineData.Ids),
            static parts => parts.visits.Select((v, i) => (Number: i + 1, v.Name,
                Events: v.Events.Select(e => parts.Ordered[e]).ToArray(),
                Ids: v.Events.Select(e => parts.Ids[e]).ToArray())).ToArray());
        var shown = context.Derive(visited,
            (register, placeIds, BasePath, Timeline: PageViewBuilder.Href(BasePath, TimelineUrl) + "#"),
            static (place, site) => PlacesBuilder.Place(place.Number, place.Name, place.Events,
                [.. place.Ids.Select(id => site.Timeline + id)], site.register, site.placeIds,
                e => PageHref(site.BasePath, e)));
        return context.Compute((shown, map, HasRegister: register is not null),
            static parts => new PlacesView([.. parts.shown], parts.map, parts.HasRegister));
    }

    /// <summary>The site index, each piece made from what it reads of the pages (where they stand, how they sort,
    /// what they link to, what each page's sources are), so that an edit makes again only the pieces it
    /// changes.</summary>
    private static (SiteIndex Index, IndexParts Parts) IndexOf(
        IReadOnlyList<PageEntry> entries, IExecutionContext context)
    {
        var shape = context.Compute(context.Derive(entries, static e => PageKey.Of(e)),
            static keys => new SiteShape(keys));
        var sortKeys = context.Derive(entries, static e => SortKey.Of(e));
        var sequences = context.Compute((shape, sortKeys), static parts => parts.shape.Sequences
            .Select(s => (s.ByYear, Keys: SiteIndex.KeysOf(s, parts.sortKeys))).ToArray());
        var permutations = context.Derive(sequences, static s => SortKey.Permutation(s.Keys, s.ByYear));
        var order = context.Compute((shape, permutations),
            static parts => new SiteOrder(parts.shape, parts.permutations));
        var mentions = context.Compute((shape, Links: context.Derive(entries, static e => e.LinkTargets)),
            static parts => new SiteMentions(parts.shape, parts.Links));
        var headings = context.Compute(SiteIndex.HeadingsOf(entries, shape, order), static headings => headings);
        // A chunk of targets whose sources are last run's gives last run's backlinks; those of a chunk made again
        // that are equal to last run's are last run's too.
        var sources = context.Compute((entries, mentions), static parts => parts.mentions.Chunks
            .Zip(SiteIndex.SourceChunksOf(parts.entries, parts.mentions), (c, s) => (c, s)).ToArray());
        var chunks = context.Derive(sources, headings,
            static (chunk, headings) => SiteIndex.BacklinksOf(chunk.c, chunk.s, headings));
        var backlinks = context.Derive(chunks.SelectMany(c => c).ToArray(), static b => b);
        var parts = new IndexParts(entries, shape, order, mentions, backlinks);
        return (parts.ToIndex(), parts);
    }

    /// <summary>The parts of a page the theme's layouts render on their own with the <c>layout</c> filter: the
    /// timeline's strip (<c>timeline-strip</c>) and each of its years (<c>timeline-year</c>), and each place of the
    /// places page (<c>place-entry</c>). A layout that asks for other parts, or none, shows the same; only what an
    /// edit lays out again differs.</summary>
    private static IReadOnlyList<LayoutPart> PartsOf(PageView page, LiquidLayouts layouts)
    {
        var strip = page.Timeline is { } whole && layouts.Has(TimelineStripLayout)
            ? [new LayoutPart(TimelineStripLayout, whole.Strip)]
            : Array.Empty<LayoutPart>();
        var years = page.Timeline is { } timeline && layouts.Has(TimelineYearLayout)
            ? timeline.Groups.SelectMany(g => g.Years).Select(y => new LayoutPart(TimelineYearLayout, y))
            : [];
        var places = page.Places is { } shown && layouts.Has(PlaceEntryLayout)
            ? shown.Places.Select(p => new LayoutPart(PlaceEntryLayout, p))
            : [];
        return [.. strip, .. years, .. places];
    }

    private const string TimelineStripLayout = "timeline-strip";
    private const string TimelineYearLayout = "timeline-year";
    private const string PlaceEntryLayout = "place-entry";

    /// <summary>The address of the page (and heading) that tells of an event, if any.</summary>
    private static string? PageHref(string basePath, TimelineEvent e) =>
        e.PageUrl is null ? null : PageViewBuilder.Href(basePath, e.PageUrl) + (e.Anchor is null ? "" : "#" + e.Anchor);

    /// <summary>The layout of a kind of page; a theme without it falls back to <c>page</c>.</summary>
    private static string DefaultLayout(string kind, LiquidLayouts layouts)
    {
        var name = kind == PageKinds.Home ? "home" : kind;
        return layouts.Has(name) ? name : "page";
    }

    private static PageEntry EntryOf(Document document)
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
        return new PageEntry(url, info?.Title ?? "", info?.Description,
            document.Get<string>(RenderMarkdown.Excerpt) ?? "",
            info?.Order, document.Source, info, headings, links, kind);
    }

    /// <summary><c>life/index.md</c> introduces the section <c>life</c>.</summary>
    private static bool IsSectionIndex(string? relativePath) =>
        relativePath is not null && relativePath.EndsWith("/index.md", StringComparison.Ordinal)
        && relativePath.Count(c => c == '/') == 1;

    /// <summary>The page address a Markdown link points to (<c>../siberia/#x</c> from <c>/life/a/</c> →
    /// <c>/life/siberia/</c>).</summary>
    private static string? LinkTarget(string pageUrl, string link)
    {
        if (Urls.IsExternal(link)) return null;
        var end = link.AsSpan().IndexOfAny('#', '?');
        var path = end < 0 ? link : link[..end];
        if (path.Length == 0) return null;
        var resolved = Urls.Resolve(pageUrl, path);
        return resolved.EndsWith('/') ? resolved : resolved + "/";
    }

    private SiteView SiteViewOf(SiteSettings settings, IReadOnlyList<Document> assets, IReadOnlyList<Document> data)
    {
        string Href(string url) => PageViewBuilder.Href(BasePath, url);
        var assetHrefs = assets.ToDictionary(d => d.Require<string>(FingerprintAssets.AssetPath),
            d => Href("/" + d.Destination),
            StringComparer.Ordinal);
        var dataFiles = data
            .Where(d => d.Get<string>(ReadData.DataName) is not null
                        && d.Require<string>(ReadFiles.RelativePath).StartsWith(DataFolder, StringComparison.Ordinal))
            .GroupBy(d => d.Require<string>(ReadData.DataName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Get<object>(ReadData.Data), StringComparer.Ordinal);
        return new SiteView(settings.Title, settings.Description, settings.Author, settings.Language,
            settings.BaseUrl?.AbsoluteUri, BasePath, settings.License, settings.Sources, Href("/"), Href(TimelineUrl),
            Href(WorksUrl), Href(SearchUrl), assetHrefs, dataFiles);
    }
}
