namespace KropotkinSite.Search;

/// <summary>The index's entries cut into chunks (<see cref="SearchIndexWriter.Plan"/>).</summary>
public sealed record SearchPlan(IReadOnlyList<TermChunk> Chunks);
