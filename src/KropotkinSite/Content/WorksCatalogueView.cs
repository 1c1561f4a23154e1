namespace KropotkinSite.Content;

public sealed record WorksCatalogueView(IReadOnlyList<WorkGroup> Groups, IReadOnlyList<WorkListing> Chronological, int Count, int UnfinishedCount)
{
    public bool IsEmpty => Count == 0;
}
