namespace KropotkinSite.Content;

/// <summary>Where a page of the reading order stands: <c>Number</c> of <c>Count</c> among its section's pages there
/// (<c>InSection</c>), or in the whole order for a top-level page.</summary>
public sealed record OrderPlace(int Number, int Count, bool InSection);
