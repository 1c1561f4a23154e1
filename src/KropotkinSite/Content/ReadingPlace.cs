namespace KropotkinSite.Content;

/// <summary>Where a page stands in the reading order: <c>Number</c> of <c>Count</c> pages of its section (a link to
/// it), or of the whole reading order for a top-level page (no section).</summary>
public sealed record ReadingPlace(LinkView? Section, int Number, int Count);
