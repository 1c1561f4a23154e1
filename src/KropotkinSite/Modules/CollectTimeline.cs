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
        var pages = pagePipelines.SelectMany(context.OutputsOf)
            .Where(d => d.Get<PageInfo>(ReadPageInfo.Page) is not null)
            .ToArray();
        var byInputPath = pages.Where(d => d.Has(ReadFiles.RelativePath))
            .ToDictionary(d => d.Require<string>(ReadFiles.RelativePath), StringComparer.Ordinal);
        var events = new List<TimelineEvent>();

        foreach (var page in pages)
        {
            var info = page.Require<PageInfo>(ReadPageInfo.Page);
            foreach (var e in info.Events)
                if (Linked(e, page, context) is { } linked) events.Add(linked);
        }
        foreach (var data in context.OutputsOf(dataPipeline))
        {
            var declared = data.Get<IReadOnlyList<(TimelineEvent Event, string? Page, SourcePosition PagePosition)>>(ReadSiteModel.Events);
            foreach (var (e, pagePath, at) in declared ?? [])
            {
                if (pagePath is null) { events.Add(e); continue; }
                if (byInputPath.TryGetValue(pagePath.TrimStart('/'), out var page))
                {
                    if (Linked(e, page, context) is { } linked) events.Add(linked);
                }
                else
                    context.Report(new ContentError(e.SourceFile, at.Line, at.Column, ErrorCodes.UnknownEventPage,
                        $"'page: {pagePath}' names no published page; give the path of a page below input/, such as life/siberia.md"));
            }
        }

        var ordered = TimelineBuilder.Order(events);
        var timeline = new TimelineData(ordered, TimelineBuilder.Ids(ordered));
        return inputs.Select(d => d.With(Timeline, timeline)).ToArray();
    }

    private static TimelineEvent? Linked(TimelineEvent e, Document page, IExecutionContext context)
    {
        var info = page.Require<PageInfo>(ReadPageInfo.Page);
        var linked = e with { PageUrl = page.Require<string>(ReadPageInfo.Url), PageTitle = info.Title };
        if (e.Anchor is null) return linked;
        var headings = page.Get<IReadOnlyList<PageHeading>>(RenderMarkdown.Headings) ?? [];
        if (headings.Any(h => h.Id == e.Anchor)) return linked;
        context.Report(new ContentError(e.SourceFile, e.Position.Line, e.Position.Column, ErrorCodes.BrokenFragment,
            $"the event's anchor '{e.Anchor}' is not a heading id of {ContentError.DisplayPath(page.Source)}; " +
            $"use one of: {string.Join(", ", headings.Select(h => h.Id).Where(id => id.Length > 0).DefaultIfEmpty("(the page has no headings)"))}"));
        return null;
    }
}
