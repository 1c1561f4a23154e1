namespace KropotkinSite.Content;

/// <summary>What the timeline's order reads of the site index: where each page stands in the order in which the
/// content tells things (<see cref="SiteIndex.TellingRank"/>), and the file each page comes from, by address.</summary>
public sealed record TellingOrder(IReadOnlyDictionary<string, int> Ranks, IReadOnlyDictionary<string, string> Sources)
{
    public static TellingOrder Of(SiteIndex index)
    {
        var ranks = new Dictionary<string, int>(index.Pages.Count, StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(index.Pages.Count, StringComparer.Ordinal);
        foreach (var page in index.Pages)
            if (index.Find(page.Url) is { } found && sources.TryAdd(page.Url, found.Source))
                ranks[page.Url] = index.TellingRank(page.Url);
        return new TellingOrder(ranks, sources);
    }

    /// <summary>A page's telling rank; pages the index does not hold come after all.</summary>
    public int RankOf(string url) => Ranks.TryGetValue(url, out var rank) ? rank : int.MaxValue;
}
