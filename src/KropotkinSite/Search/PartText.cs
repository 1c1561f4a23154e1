namespace KropotkinSite.Search;

/// <summary>What <see cref="PageTextReader.ReadPart"/> read of a part of a page: its blocks in reading order, and
/// whether it ended between blocks, so that reading the page may take these for the part.</summary>
public sealed record PartText(IReadOnlyList<PartBlock> Blocks, bool EndsBetweenBlocks);
