using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Gathers the events of every published page and of the timeline data file, links each to the page (and
/// heading) that tells of it, and attaches <see cref="TimelineData"/> to the timeline page as <c>timeline</c>.
/// An event's <c>anchor</c> that names no heading, or a data event's <c>page</c> that names no page, is reported.
/// </summary>
public sealed class CollectTimeline(string[] pagePipelines, string dataPipeline) : IModule
{
    public const string Timeline = "timeline";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var kept = context.Cache?.Recall<Collected>(context.Step);
        var pages = pagePipelines.SelectMany(context.OutputsOf).ToArray();
        // In a preview session only the pages edited since the last run have their events linked again.
        var changed = Positions.Changed(pages, kept?.Pages);
        var ofPages = new PageEvents?[pages.Length];
        if (changed is not null) Array.Copy(kept!.OfPages, ofPages, ofPages.Length);
        foreach (var i in changed ?? Enumerable.Range(0, pages.Length)) ofPages[i] = LinkedEvents(pages[i]);
        foreach (var page in ofPages)
            foreach (var error in page?.Errors ?? []) context.Report(error);
        var byInputPath = new Lazy<Dictionary<string, Document>>(() => PagesByInputPath(pages, changed, kept));
        var dataEvents = DataEvents(byInputPath, context);

        // An edit that left every event as it was gives the last run's timeline and pages, so what shows the
        // timeline sees the very same objects and is not prepared again.
        var same = changed is not null && changed.All(i => SameEvents(kept!.OfPages[i], ofPages[i])) && kept!.DataEvents.SequenceEqual(dataEvents);
        var timeline = same ? kept!.Timeline : Ordered([.. ofPages.SelectMany(p => p?.Events ?? []), .. dataEvents]);
        var outputs = inputs.Select(d => same && kept!.Outputs.TryGetValue(d, out var output) ? output : d.With(Timeline, timeline)).ToArray();
        if (context.Cache is not null)
        {
            var outputOf = new Dictionary<Document, Document>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < inputs.Count; i++) outputOf[inputs[i]] = outputs[i];
            context.Cache.Keep(context.Step, new Collected(pages, ofPages, dataEvents, timeline, outputOf, byInputPath.IsValueCreated ? byInputPath.Value : null));
        }
        return outputs;
    }

    /// <summary>A page's events linked to it, and what was wrong with them.</summary>
    private sealed record PageEvents(TimelineEvent[] Events, ContentError[] Errors);

    /// <summary>What a preview session keeps from the last run: the pages and their events, in order, the events
    /// of the data file, and what they made.</summary>
    private sealed record Collected(Document[] Pages, PageEvents?[] OfPages, List<TimelineEvent> DataEvents, TimelineData Timeline,
        Dictionary<Document, Document> Outputs, Dictionary<string, Document>? ByInputPath);

    private static bool SameEvents(PageEvents? a, PageEvents? b) =>
        a is null ? b is null : b is not null && a.Events.AsSpan().SequenceEqual(b.Events) && a.Errors.AsSpan().SequenceEqual(b.Errors);

    /// <summary>The events a page declares, linked to it; null for a document that is not a page.</summary>
    private static PageEvents? LinkedEvents(Document page)
    {
        if (page.Get<PageInfo>(ReadPageInfo.Page) is not { } info) return null;
        var errors = new List<ContentError>();
        var events = info.Events.Select(e => Linked(e, page, errors.Add)).OfType<TimelineEvent>().ToArray();
        return new PageEvents(events, [.. errors]);
    }

    /// <summary>The pages by input path, for data events that name one; in a preview session the last run's with
    /// the edited pages put in.</summary>
    private static Dictionary<string, Document> PagesByInputPath(Document[] pages, List<int>? changed, Collected? kept)
    {
        static string? PathOf(Document d) => d.Has(ReadPageInfo.Page) ? d.Get<string>(ReadFiles.RelativePath) : null;
        if (changed is null || kept?.ByInputPath is null)
            return pages.Select(d => (Path: PathOf(d), Page: d)).Where(p => p.Path is not null).ToDictionary(p => p.Path!, p => p.Page, StringComparer.Ordinal);
        var byPath = new Dictionary<string, Document>(kept.ByInputPath, StringComparer.Ordinal);
        foreach (var i in changed)
            if (PathOf(kept.Pages[i]) is { } old && byPath.TryGetValue(old, out var was) && ReferenceEquals(was, kept.Pages[i])) byPath.Remove(old);
        foreach (var i in changed)
            if (PathOf(pages[i]) is { } path) byPath[path] = pages[i];
        return byPath;
    }

    /// <summary>The events of the timeline data file, each linked to the page it names.</summary>
    private List<TimelineEvent> DataEvents(Lazy<Dictionary<string, Document>> byInputPath, IExecutionContext context)
    {
        var events = new List<TimelineEvent>();
        foreach (var data in context.OutputsOf(dataPipeline))
        {
            var declared = data.Get<IReadOnlyList<(TimelineEvent Event, string? Page, SourcePosition PagePosition)>>(ReadSiteModel.Events);
            foreach (var (e, pagePath, at) in declared ?? [])
            {
                if (pagePath is null) { events.Add(e); continue; }
                if (byInputPath.Value.TryGetValue(pagePath.TrimStart('/'), out var page))
                {
                    if (Linked(e, page, context.Report) is { } linked) events.Add(linked);
                }
                else
                    context.Report(new ContentError(e.SourceFile, at.Line, at.Column, ErrorCodes.UnknownEventPage,
                        $"'page: {pagePath}' names no published page; give the path of a page below input/, such as life/siberia.md"));
            }
        }
        return events;
    }

    private static TimelineData Ordered(TimelineEvent[] events)
    {
        var ordered = TimelineBuilder.Order(events);
        return new TimelineData(ordered, TimelineBuilder.Ids(ordered));
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
            $"use one of: {string.Join(", ", headings.Select(h => h.Id).Where(id => id.Length > 0).DefaultIfEmpty("(the page has no headings)"))}"));
        return null;
    }
}
