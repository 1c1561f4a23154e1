namespace KropotkinSite.Content;

/// <summary>The entries of one year within a timeline group.</summary>
public sealed record TimelineYear(int Year, IReadOnlyList<TimelineEntry> Entries);
