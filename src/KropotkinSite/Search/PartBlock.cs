namespace KropotkinSite.Search;

/// <summary>A block of a part of a page, and whether it is a level-1 heading: the page whose first such heading it
/// is takes it as its title instead.</summary>
public readonly record struct PartBlock(bool IsTitleLevel, TextBlock Block);
