namespace KropotkinSite.Content;

/// <summary>Pages that follow each other (their positions, by address until sorted) and whether they follow the
/// years of works or their <c>order</c> and titles.</summary>
public sealed record SiteSequence(IReadOnlyList<int> Members, bool ByYear);
