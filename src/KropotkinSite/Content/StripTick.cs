namespace KropotkinSite.Content;

/// <summary>An event's tick on the overview strip, in percent of its width.</summary>
public sealed record StripTick(double Left, string Label, string EntryId);
