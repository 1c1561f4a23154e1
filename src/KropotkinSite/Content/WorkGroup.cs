namespace KropotkinSite.Content;

/// <summary>The works of one kind, in year order.</summary>
public sealed record WorkGroup(string Kind, string Heading, string Id, IReadOnlyList<WorkListing> Works)
{
    public int Count => Works.Count;
}
