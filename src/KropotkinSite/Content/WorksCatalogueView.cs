namespace KropotkinSite.Content;

/// <param name="Groups">The works by kind, for counting them; the index lists them in one chronological list.</param>
/// <param name="StartHere">The works marked <c>start_here</c>, in year order.</param>
public sealed record WorksCatalogueView(
    IReadOnlyList<WorkGroup> Groups,
    IReadOnlyList<WorkListing> Chronological,
    IReadOnlyList<WorkListing> StartHere,
    int Count,
    int UnfinishedCount)
{
    public bool IsEmpty => Count == 0;
}
