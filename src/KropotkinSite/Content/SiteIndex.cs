namespace KropotkinSite.Content;

/// <summary>
/// What every page needs to know about the others: navigation, sections, previous/next, backlinks and the
/// works in year order. Built once per build from all published pages.
/// </summary>
public sealed class SiteIndex
{
    private readonly Dictionary<string, PageEntry> _byUrl;
    private readonly Dictionary<string, PageEntry[]> _sectionPages;
    private readonly Dictionary<string, PageEntry[]> _backlinks;
    private readonly Dictionary<string, int> _positionInSection;

    public SiteIndex(IEnumerable<PageEntry> pages)
    {
        Pages = pages.OrderBy(p => p.Url, StringComparer.Ordinal).ToArray();
        _byUrl = Pages.GroupBy(p => p.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // Works follow each other by year; other pages by their order.
        _sectionPages = Pages.Where(p => p.Section.Length > 0 && !p.IsSectionIndex)
            .GroupBy(p => p.Section, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Sorted(g, g.All(p => p.Work is not null) ? CompareWorks : PageEntry.CompareByOrder), StringComparer.Ordinal);

        // Where each page stands in its section's sequence, so previous/next costs the same for any section size.
        _positionInSection = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sequence in _sectionPages.Values)
            for (var i = 0; i < sequence.Length; i++) _positionInSection[sequence[i].Url] = i;

        Navigation = Sorted(Pages.Where(p => p.Url != "/" && (p.IsSectionIndex || p.Section.Length == 0)), PageEntry.CompareByOrder);

        Works = Sorted(Pages.Where(p => p.Work is not null), CompareWorks);

        // Sources taken in title order fill each page's backlinks already sorted, with no sort per page.
        var backlinks = new Dictionary<string, List<PageEntry>>(StringComparer.Ordinal);
        foreach (var source in Sorted(Pages, PageEntry.CompareTitles))
            foreach (var target in source.LinkTargets)
                if (target != source.Url && _byUrl.ContainsKey(target))
                {
                    if (!backlinks.TryGetValue(target, out var sources)) backlinks[target] = sources = [];
                    sources.Add(source);
                }
        _backlinks = backlinks.ToDictionary(b => b.Key, b => b.Value.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<PageEntry> Pages { get; }

    /// <summary>The primary navigation: top-level section pages and top-level pages, by order then title.</summary>
    public IReadOnlyList<PageEntry> Navigation { get; }

    /// <summary>Every work, by year of publication, then title.</summary>
    public IReadOnlyList<PageEntry> Works { get; }

    public PageEntry? Find(string url) => _byUrl.GetValueOrDefault(url);

    public IReadOnlyList<PageEntry> SectionPages(string section) => _sectionPages.GetValueOrDefault(section) ?? [];

    /// <summary>The pages that link to a page, by title.</summary>
    public IReadOnlyList<PageEntry> Backlinks(string url) => _backlinks.GetValueOrDefault(url) ?? [];

    /// <summary>The pages before and after one in its sequence: works by year, other pages by section order.</summary>
    public (PageEntry? Previous, PageEntry? Next) Neighbours(PageEntry page)
    {
        if (page.IsSectionIndex || page.Section.Length == 0) return (null, null);
        var sequence = SectionPages(page.Section);
        if (!_positionInSection.TryGetValue(page.Url, out var index) || index >= sequence.Count || sequence[index].Url != page.Url)
            return (null, null);
        return (index > 0 ? sequence[index - 1] : null, index < sequence.Count - 1 ? sequence[index + 1] : null);
    }

    /// <summary>The navigation entry a page belongs under (its section page, or itself at the top level).</summary>
    public string NavigationUrlOf(PageEntry page) => page.Section.Length > 0 ? "/" + page.Section + "/" : page.Url;

    public static int CompareWorks(PageEntry a, PageEntry b)
    {
        var byYear = (a.Work?.Year ?? int.MaxValue).CompareTo(b.Work?.Year ?? int.MaxValue);
        return byYear != 0 ? byYear : PageEntry.CompareTitles(a, b);
    }

    private static PageEntry[] Sorted(IEnumerable<PageEntry> pages, Comparison<PageEntry> comparison)
    {
        var array = pages.ToArray();
        Array.Sort(array, comparison);
        return array;
    }
}
