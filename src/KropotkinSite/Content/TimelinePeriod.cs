namespace KropotkinSite.Content;

/// <summary>A named stretch of time the timeline groups its events by (optional <c>timeline_periods</c> in
/// <c>_site.yml</c>).</summary>
public sealed record TimelinePeriod(string Title, PartialDate Start, PartialDate End, string? Summary);
