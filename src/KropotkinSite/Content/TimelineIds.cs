namespace KropotkinSite.Content;

/// <summary>The id each event has on the timeline page, by where it is declared: all a page's view needs of the
/// timeline, so pages are not made again when only what the timeline shows of an event changes.</summary>
public sealed record TimelineIds(IReadOnlyDictionary<(string File, SourcePosition Position), string> BySource)
{
    /// <param name="sources">Where each event is declared.</param>
    /// <param name="ids">Each event's id, at the same positions.</param>
    public static TimelineIds Of(IReadOnlyList<EventSource> sources, IReadOnlyList<string> ids) =>
        new(sources.Select((s, i) => (s, i)).ToDictionary(p => (p.s.File, p.s.Position), p => ids[p.i]));

    /// <summary>The id of an event declared at a place in a file, if the timeline shows it.</summary>
    public string? IdOf(TimelineEvent e) => BySource.GetValueOrDefault((e.SourceFile, e.Position));
}
