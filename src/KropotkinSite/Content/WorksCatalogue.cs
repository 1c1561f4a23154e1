namespace KropotkinSite.Content;

/// <summary>Lists the works by year, then title; counts them by kind (books, collections, pamphlets,
/// articles).</summary>
public static class WorksCatalogue
{
    private static readonly (WorkKind Kind, string Heading)[] Kinds =
        [(WorkKind.Book, "Books"), (WorkKind.Collection, "Collections"), (WorkKind.Pamphlet, "Pamphlets"),
            (WorkKind.Article, "Articles")];

    public static WorksCatalogueView Build(IReadOnlyList<PageEntry> worksInYearOrder, Func<string, string> href)
    {
        var listings = worksInYearOrder.Where(p => p.Work is not null)
            .Select(p => new WorkListing(p.Url, href(p.Url), p.Title, p.Work!, p.Description)).ToArray();
        var groups = Kinds
            .Select(k => new WorkGroup(k.Kind.ToString().ToLowerInvariant(), k.Heading,
                "kind-" + k.Kind.ToString().ToLowerInvariant(),
                listings.Where(l => l.Work.Kind == k.Kind).ToArray()))
            .Where(g => g.Count > 0)
            .ToArray();
        var startHere = listings.Where(l => l.Work.StartHere).ToArray();
        var unfinished = listings.Count(l => l.Work.Unfinished);
        return new WorksCatalogueView(groups, listings, startHere, listings.Length, unfinished);
    }
}
