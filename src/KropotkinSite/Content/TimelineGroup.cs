namespace KropotkinSite.Content;

/// <summary>A group of timeline entries: a period of the life, or a decade when the site names no periods.</summary>
public sealed record TimelineGroup(string Id, string Title, string? Summary, string Span, IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<string> Places);
