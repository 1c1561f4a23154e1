namespace KropotkinSite.Content;

/// <summary>Every event of the site in timeline order, with the id each has on the timeline page.</summary>
public sealed record TimelineData(IReadOnlyList<TimelineEvent> Ordered, IReadOnlyList<string> Ids);
