namespace KropotkinSite.Search;

/// <summary>The terms of a block of pages, sorted, each with its entry of the index for those pages alone
/// (<see cref="BlockInverter"/>).</summary>
public sealed record BlockTerms(int First, IReadOnlyList<string> Terms, IReadOnlyList<byte[]> Entries);
