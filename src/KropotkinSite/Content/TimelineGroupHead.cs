namespace KropotkinSite.Content;

/// <summary>What heads a group of the timeline (a period, or a decade) and the years its band spans.</summary>
public sealed record TimelineGroupHead(string Id, string Title, string? Summary, string Span, int From, int To);
