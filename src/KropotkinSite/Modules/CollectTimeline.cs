using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Gathers the events of every published page and of the timeline data file, links each to the page (and
/// heading) that tells of it, and attaches <see cref="TimelineData"/> to the timeline page as <c>timeline</c>.
/// An event's <c>anchor</c> that names no heading, or a data event's <c>page</c> that names no page, is reported.
/// </summary>
public sealed record CollectTimeline(IReadOnlyList<string> PagePipelines, string DataPipeline) : IModule
{
    public const string Timeline = "timeline";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var pages = Lists.Concat(PagePipelines.Select(context.OutputsOf).ToArray());
        var ofPages = context.Derive(pages, static page => LinkedEvents(page));
        foreach (var error in context.Compute(ofPages, AllErrors)) context.Report(error);
        var dataEvents = DataEvents(pages, context);
        // The events are joined as a value of the pages' values and the data file's events, so when those are last
        // run's the very same list comes out, and what is made of it is known to be the same without a look at each
        // event.
        var events = context.Compute((Pages: context.Compute(ofPages, AllEvents), Data: dataEvents),
            static all => Lists.Concat<TimelineEvent>([all.Pages, all.Data]));
        // Where an event stands, and its id, follow from its date, title and place of declaration alone, not from
        // the page title each event carries: so the order is worked out from those, and a retitled page sorts
        // nothing again.
        var keys = context.Derive(events, static e => TimelineOrderKey.Of(e));
        var (order, ids) = context.Compute(keys, Sorted);
        var timeline = context.Compute((events, order, ids), static all =>
            new TimelineData(all.order.Select(i => all.events[i]).ToArray(), all.ids));
        return context.Map(inputs, timeline, static (d, timeline, _) => d.With(Timeline, timeline));
    }

    private static TimelineEvent[] AllEvents(IReadOnlyList<PageEvents?> pages) =>
        Lists.Concat([.. pages.Select(p => p?.Events ?? [])]);

    private static ContentError[] AllErrors(IReadOnlyList<PageEvents?> pages) =>
        Lists.Concat([.. pages.Select(p => p?.Errors ?? [])]);

    /// <summary>The events' positions in the canonical order (ties, which only an event declared twice on one line
    /// could make, by position), and each event's id in that order.</summary>
    private static (int[] Order, IReadOnlyList<string> Ids) Sorted(IReadOnlyList<TimelineOrderKey> keys)
    {
        var key = keys as TimelineOrderKey[] ?? [.. keys];
        var order = Enumerable.Range(0, key.Length).ToArray();
        Array.Sort(order, (x, y) => key[x].CompareTo(key[y]) is var c and not 0 ? c : x.CompareTo(y));
        return (order, TimelineBuilder.Ids(order.Select(i => (key[i].Date, key[i].Title)).ToArray()));
    }

    /// <summary>A page's events linked to it, and what was wrong with them.</summary>
    private sealed record PageEvents(TimelineEvent[] Events, ContentError[] Errors);

    /// <summary>The events a page declares, linked to it; null for a document that is not a page.</summary>
    private static PageEvents? LinkedEvents(Document page)
    {
        if (page.Get<PageInfo>(ReadPageInfo.Page) is not { } info) return null;
        var errors = new List<ContentError>();
        var events = info.Events.Select(e => Linked(e, page, errors.Add)).OfType<TimelineEvent>().ToArray();
        return new PageEvents(events, [.. errors]);
    }

    /// <summary>The events of the timeline data file, each linked to the page it names.</summary>
    private List<TimelineEvent> DataEvents(Document[] pages, IExecutionContext context)
    {
        var events = new List<TimelineEvent>();
        Dictionary<string, int>? byInputPath = null;
        foreach (var data in context.OutputsOf(DataPipeline))
        {
            var declared = data.Get<IReadOnlyList<(TimelineEvent Event, string? Page, SourcePosition PagePosition)>>(
                ReadSiteModel.Events);
            foreach (var (e, pagePath, at) in declared ?? [])
            {
                if (pagePath is null)
                {
                    events.Add(e);
                    continue;
                }
                byInputPath ??= context.Compute(context.Derive(pages, static page =>
                    page.Has(ReadPageInfo.Page) ? page.Get<string>(ReadFiles.RelativePath) : null), PositionsByPath);
                if (byInputPath.TryGetValue(pagePath.TrimStart('/'), out var position))
                {
                    if (Linked(e, pages[position], context.Report) is { } linked) events.Add(linked);
                }
                else
                    context.Report(new ContentError(e.SourceFile, at.Line, at.Column, ErrorCodes.UnknownEventPage,
                        $"'page: {pagePath}' names no published page; " +
                        "give the path of a page below input/, such as life/siberia.md"));
            }
        }
        return events;
    }

    /// <summary>Where each page stands among the pages, by its input path.</summary>
    private static Dictionary<string, int> PositionsByPath(IReadOnlyList<string?> paths)
    {
        var byPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
            if (paths[i] is { } path) byPath.TryAdd(path, i);
        return byPath;
    }

    private static TimelineEvent? Linked(TimelineEvent e, Document page, Action<ContentError> report)
    {
        var info = page.Require<PageInfo>(ReadPageInfo.Page);
        var linked = e with { PageUrl = page.Require<string>(ReadPageInfo.Url), PageTitle = info.Title };
        if (e.Anchor is null) return linked;
        var headings = page.Get<IReadOnlyList<PageHeading>>(RenderMarkdown.Headings) ?? [];
        if (headings.Any(h => h.Id == e.Anchor)) return linked;
        report(new ContentError(e.SourceFile, e.Position.Line, e.Position.Column, ErrorCodes.BrokenFragment,
            $"the event's anchor '{e.Anchor}' is not a heading id of {ContentError.DisplayPath(page.Source)}; " +
            $"use one of: {string.Join(", ", headings.Select(h => h.Id).Where(id => id.Length > 0)
                .DefaultIfEmpty("(the page has no headings)"))}"));
        return null;
    }
}
