using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>Every event of the site in timeline order, with the id each has on the timeline page.</summary>
public sealed record TimelineData(IReadOnlyList<TimelineEvent> Ordered, IReadOnlyList<string> Ids)
{
    private readonly Dictionary<(string, SourcePosition), string> _idBySource =
        Ordered.Select((e, i) => (e, i)).ToDictionary(p => (p.e.SourceFile, p.e.Position), p => Ids[p.i]);

    /// <summary>The id of an event declared at a place in a file, if the timeline shows it.</summary>
    public string? IdOf(TimelineEvent e) => _idBySource.GetValueOrDefault((e.SourceFile, e.Position));
}

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
        var pages = pagePipelines.SelectMany(context.OutputsOf)
            .Where(d => d.Get<PageInfo>(ReadPageInfo.Page) is not null)
            .ToArray();
        var byInputPath = new Lazy<Dictionary<string, Document>>(() => pages.Where(d => d.Has(ReadFiles.RelativePath))
            .ToDictionary(d => d.Require<string>(ReadFiles.RelativePath), StringComparer.Ordinal));
        var events = new List<TimelineEvent>();
        var ofPages = new Dictionary<Document, PageEvents>(pages.Length, ReferenceEqualityComparer.Instance);

        foreach (var page in pages)
        {
            var linked = kept?.OfPages.GetValueOrDefault(page) ?? LinkedEvents(page);
            ofPages[page] = linked;
            events.AddRange(linked.Events);
            foreach (var error in linked.Errors) context.Report(error);
        }
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

        // In a preview session an edit that left every event as it was gives the last run's timeline and pages,
        // so what shows the timeline sees the very same objects and is not prepared again.
        var same = kept is not null && kept.Events.SequenceEqual(events);
        var timeline = same ? kept!.Timeline : Ordered(events);
        var outputs = inputs.Select(d => same && kept!.Outputs.TryGetValue(d, out var output) ? output : d.With(Timeline, timeline)).ToArray();
        if (context.Cache is not null)
        {
            var outputOf = new Dictionary<Document, Document>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < inputs.Count; i++) outputOf[inputs[i]] = outputs[i];
            context.Cache.Keep(context.Step, new Collected(ofPages, events, timeline, outputOf));
        }
        return outputs;
    }

    /// <summary>A page's events linked to it, and what was wrong with them.</summary>
    private sealed record PageEvents(TimelineEvent[] Events, ContentError[] Errors);

    /// <summary>What a preview session keeps from the last run: each page's events, all events, and what they made.</summary>
    private sealed record Collected(Dictionary<Document, PageEvents> OfPages, List<TimelineEvent> Events, TimelineData Timeline, Dictionary<Document, Document> Outputs);

    private static PageEvents LinkedEvents(Document page)
    {
        var errors = new List<ContentError>();
        var events = page.Require<PageInfo>(ReadPageInfo.Page).Events.Select(e => Linked(e, page, errors.Add)).OfType<TimelineEvent>().ToArray();
        return new PageEvents(events, [.. errors]);
    }

    private static TimelineData Ordered(List<TimelineEvent> events)
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
