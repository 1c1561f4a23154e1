namespace KropotkinSite.Search;

/// <summary>The index of a site before its files are made: its pages in the order they are numbered, the
/// sections' titles, and the term chunks (<see cref="SearchIndexWriter.Plan"/>).</summary>
public sealed record SearchPlan(
    IReadOnlyList<SearchPage> Pages, IReadOnlyList<KeyValuePair<string, string>> Sections,
    IReadOnlyList<TermChunk> Chunks);
