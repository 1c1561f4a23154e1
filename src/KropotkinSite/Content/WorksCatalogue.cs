namespace KropotkinSite.Content;

/// <summary>A work as the works index lists it.</summary>
/// <param name="Description">The work's one-sentence <c>description</c>, if it has one.</param>
public sealed record WorkListing(string Url, string Href, string Title, Work Work, string? Description)
{
    public string? YearText => Work.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string? LanguageName => LanguageNames.EnglishName(Work.Language);
}

/// <summary>The works of one kind, in year order.</summary>
public sealed record WorkGroup(string Kind, string Heading, string Id, IReadOnlyList<WorkListing> Works)
{
    public int Count => Works.Count;
}

/// <param name="Groups">The works by kind, for counting them; the index lists them in one chronological list.</param>
/// <param name="StartHere">The works marked <c>start_here</c>, in year order.</param>
public sealed record WorksCatalogueView(IReadOnlyList<WorkGroup> Groups, IReadOnlyList<WorkListing> Chronological, IReadOnlyList<WorkListing> StartHere,
    int Count, int UnfinishedCount)
{
    public bool IsEmpty => Count == 0;
}

/// <summary>Lists the works by year, then title; counts them by kind (books, collections, pamphlets, articles).</summary>
public static class WorksCatalogue
{
    private static readonly (WorkKind Kind, string Heading)[] Kinds =
        [(WorkKind.Book, "Books"), (WorkKind.Collection, "Collections"), (WorkKind.Pamphlet, "Pamphlets"), (WorkKind.Article, "Articles")];

    public static WorksCatalogueView Build(IReadOnlyList<PageEntry> worksInYearOrder, Func<string, string> href)
    {
        var listings = worksInYearOrder.Where(p => p.Work is not null)
            .Select(p => new WorkListing(p.Url, href(p.Url), p.Title, p.Work!, p.Description)).ToArray();
        var groups = Kinds
            .Select(k => new WorkGroup(k.Kind.ToString().ToLowerInvariant(), k.Heading, "kind-" + k.Kind.ToString().ToLowerInvariant(),
                listings.Where(l => l.Work.Kind == k.Kind).ToArray()))
            .Where(g => g.Count > 0)
            .ToArray();
        return new WorksCatalogueView(groups, listings, listings.Where(l => l.Work.StartHere).ToArray(), listings.Length,
            listings.Count(l => l.Work.Unfinished));
    }
}
