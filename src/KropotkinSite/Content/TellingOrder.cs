namespace KropotkinSite.Content;

/// <summary>What the timeline's order reads of the site index: where each page stands in the order in which the
/// content tells things (<see cref="SiteIndex.TellingRank"/>), and the file each page comes from, by address.</summary>
public sealed record TellingOrder(IReadOnlyDictionary<string, int> Ranks, IReadOnlyDictionary<string, string> Sources)
{
    /// <param name="sources">The file each page comes from, at the positions of the shape's keys.</param>
    public static TellingOrder Of(SiteShape shape, SiteOrder order, IReadOnlyList<string> sources)
    {
        var ranks = new Dictionary<string, int>(shape.Pages.Count, StringComparer.Ordinal);
        var files = new Dictionary<string, string>(shape.Pages.Count, StringComparer.Ordinal);
        foreach (var page in shape.Pages)
        {
            var url = shape.Keys[page].Url;
            var at = shape.PositionOf(url);
            if (files.TryAdd(url, sources[at])) ranks[url] = order.TellingRank(at);
        }
        return new TellingOrder(ranks, files);
    }

    /// <summary>A page's telling rank; pages the index does not hold come after all.</summary>
    public int RankOf(string url) => Ranks.TryGetValue(url, out var rank) ? rank : int.MaxValue;
}
