namespace KropotkinSite.Content;

/// <summary>What a page's place in a sequence reads of it: its <c>order</c>, its year if it is a work, its title and
/// its address (the last tie-break).</summary>
public sealed record SortKey(int? Order, int? Year, string Title, string Url)
{
    public static SortKey Of(PageEntry page) => new(page.Order, page.Work?.Year, page.Title, page.Url);

    /// <summary>The order of the keys as a permutation: element k is the index of the key that comes k-th, by year
    /// then title (works) or by <c>order</c> then title (other pages).</summary>
    public static int[] Permutation(IReadOnlyList<SortKey> keys, bool byYear)
    {
        var permutation = new int[keys.Count];
        for (var i = 0; i < permutation.Length; i++) permutation[i] = i;
        Comparison<SortKey> compare = byYear ? CompareWorks : CompareByOrder;
        Array.Sort(permutation, (a, b) => compare(keys[a], keys[b]));
        return permutation;
    }

    /// <summary>By <c>order</c> (pages without one last), then by title: as <see cref="PageEntry.CompareByOrder"/>.
    /// </summary>
    public static int CompareByOrder(SortKey a, SortKey b)
    {
        var byOrder = (a.Order ?? int.MaxValue).CompareTo(b.Order ?? int.MaxValue);
        return byOrder != 0 ? byOrder : CompareTitles(a.Title, a.Url, b.Title, b.Url);
    }

    /// <summary>By year of publication (works without one last), then by title.</summary>
    public static int CompareWorks(SortKey a, SortKey b)
    {
        var byYear = (a.Year ?? int.MaxValue).CompareTo(b.Year ?? int.MaxValue);
        return byYear != 0 ? byYear : CompareTitles(a.Title, a.Url, b.Title, b.Url);
    }

    /// <summary>By title regardless of case, then by address.</summary>
    public static int CompareTitles(string titleA, string urlA, string titleB, string urlB)
    {
        var byTitle = string.Compare(titleA, titleB, StringComparison.OrdinalIgnoreCase);
        return byTitle != 0 ? byTitle : string.CompareOrdinal(urlA, urlB);
    }
}
