namespace KropotkinSite.Content;

/// <summary>A group of timeline entries: a period of the life, or a decade when the site names no periods.</summary>
public sealed record TimelineGroup(
    string Id,
    string Title,
    string? Summary,
    string Span,
    IReadOnlyList<TimelineEntry> Entries,
    IReadOnlyList<string> Places)
{
    /// <summary>The entries by year, so the page shows each year once.</summary>
    public IReadOnlyList<TimelineYear> Years { get; } =
        Entries.GroupBy(e => e.Event.Date.Year).Select(g => new TimelineYear(g.Key, g.ToArray())).ToArray();
}
