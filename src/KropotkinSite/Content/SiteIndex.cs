namespace KropotkinSite.Content;

/// <summary>
/// What every page needs to know about the others: navigation, sections, the reading order (previous/next),
/// backlinks and the works in year order. Built once per build from all published pages.
/// </summary>
public sealed class SiteIndex
{
    private readonly Dictionary<string, PageEntry> _byUrl;
    private readonly Dictionary<string, PageEntry[]> _sectionPages;
    private readonly Dictionary<string, PageEntry[]> _backlinks;
    private readonly Dictionary<string, int> _positionInSection;
    private readonly Dictionary<string, int> _readingPosition;
    private readonly Dictionary<string, int> _tellingRank;
    private readonly Dictionary<string, (int Index, int Count)> _placeInSection;
    private readonly Dictionary<string, int> _navigationPlace;

    public SiteIndex(IEnumerable<PageEntry> pages)
    {
        var all = pages.OrderBy(p => p.Url, StringComparer.Ordinal).ToArray();
        Pages = all;
        // A page's section is cut from its address: once a page here, rather than at every use below.
        var sections = new Dictionary<PageEntry, string>(all.Length, ReferenceEqualityComparer.Instance);
        foreach (var page in all) sections.TryAdd(page, page.Section);
        string SectionOf(PageEntry page) => sections[page];
        _byUrl = Pages.GroupBy(p => p.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(),
            StringComparer.Ordinal);

        // Works follow each other by year; other pages by their order.
        _sectionPages = Pages.Where(p => SectionOf(p).Length > 0 && !p.IsSectionIndex)
            .GroupBy(SectionOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key,
                g => Sorted(g, g.All(p => p.Work is not null) ? CompareWorks : PageEntry.CompareByOrder),
                StringComparer.Ordinal);

        // Where each page stands in its section's sequence, so previous/next costs the same for any section size.
        _positionInSection = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sequence in _sectionPages.Values)
            for (var i = 0; i < sequence.Length; i++) _positionInSection[sequence[i].Url] = i;

        // The search page is reached from the search field every page has, so it takes no place in the navigation.
        Navigation = Sorted(
            Pages.Where(p => p.Url != "/" && p.Kind != PageKinds.Search
                             && (p.IsSectionIndex || SectionOf(p).Length == 0)),
            PageEntry.CompareByOrder);

        _navigationPlace = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Navigation.Count; i++) _navigationPlace.TryAdd(Navigation[i].Url, i);

        Works = Sorted(Pages.Where(p => p.Work is not null), CompareWorks);

        ReadingOrder = ReadingOrderOf(Navigation, SectionPages);
        _readingPosition = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ReadingOrder.Count; i++) _readingPosition[ReadingOrder[i].Url] = i;
        _placeInSection = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var bySection = ReadingOrder.Where(p => SectionOf(p).Length > 0).GroupBy(SectionOf, StringComparer.Ordinal);
        foreach (var section in bySection)
        {
            var inSection = section.ToArray();
            for (var i = 0; i < inSection.Length; i++) _placeInSection[inSection[i].Url] = (i, inSection.Length);
        }
        // The order in which the content tells things: the reading order, then the works by year, then the rest.
        _tellingRank = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in ReadingOrder.Concat(Works).Concat(Pages))
            _tellingRank.TryAdd(page.Url, _tellingRank.Count);

        // Sources taken in title order fill each page's backlinks already sorted, with no sort per page. Only
        // content pages mention others: the home page, section pages and generated pages are navigation.
        var backlinks = new Dictionary<string, List<PageEntry>>(StringComparer.Ordinal);
        var mentioning = Pages.Where(p => p.Kind is PageKinds.Page or PageKinds.Work);
        foreach (var source in Sorted(mentioning, PageEntry.CompareTitles))
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

    /// <summary>
    /// The biography in the order a reader goes through it: each entry of the navigation in turn, a section's
    /// pages in their order and a top-level page itself. Works (they follow each other by year), section pages,
    /// the home page and generated pages are not in it. No page is in it twice.
    /// </summary>
    public IReadOnlyList<PageEntry> ReadingOrder { get; }

    /// <summary>Where a page stands in the order in which the content tells things (the reading order, then the
    /// works by year, then every other page by address); pages the index does not hold come after all.</summary>
    public int TellingRank(string url) => _tellingRank.TryGetValue(url, out var rank) ? rank : int.MaxValue;

    /// <summary>A page's place in the reading order (0-based), or -1 when it is not in it.</summary>
    public int ReadingPosition(string url) => _readingPosition.TryGetValue(url, out var position) ? position : -1;

    /// <summary>Where a page of the reading order stands among its section's pages there; null for other
    /// pages.</summary>
    public (int Index, int Count)? PlaceInSection(string url) =>
        _placeInSection.TryGetValue(url, out var place) ? place : null;

    /// <summary>The first navigation entry the reading order does not go through (the works, say), where its last
    /// page sends a reader on; the home page when there is none.</summary>
    public PageEntry? ReadOn => Navigation.FirstOrDefault(p => !IsReadThrough(p)) ?? Find("/");

    /// <summary>Whether the reading order goes through a navigation entry: the page itself, or a section's
    /// pages.</summary>
    private bool IsReadThrough(PageEntry entry) =>
        _readingPosition.ContainsKey(entry.Url)
        || (entry.IsSectionIndex && SectionPages(entry.Section).Any(p => _readingPosition.ContainsKey(p.Url)));

    public PageEntry? Find(string url) => _byUrl.GetValueOrDefault(url);

    /// <summary>Where a page stands in the navigation (0-based), or null when it is not in it.</summary>
    public int? NavigationPlace(string url) => _navigationPlace.TryGetValue(url, out var place) ? place : null;

    public IReadOnlyList<PageEntry> SectionPages(string section) => _sectionPages.GetValueOrDefault(section) ?? [];

    /// <summary>The pages that link to a page, by title.</summary>
    public IReadOnlyList<PageEntry> Backlinks(string url) => _backlinks.GetValueOrDefault(url) ?? [];

    /// <summary>The pages before and after one in its sequence: works by year, other pages in the reading
    /// order.</summary>
    public (PageEntry? Previous, PageEntry? Next) Neighbours(PageEntry page)
    {
        if (_readingPosition.TryGetValue(page.Url, out var position))
            return (position > 0 ? ReadingOrder[position - 1] : null,
                position < ReadingOrder.Count - 1 ? ReadingOrder[position + 1] : null);
        if (page.Work is null || page.IsSectionIndex || page.Section.Length == 0) return (null, null);
        var sequence = SectionPages(page.Section);
        if (!_positionInSection.TryGetValue(page.Url, out var index) || index >= sequence.Count
            || sequence[index].Url != page.Url)
            return (null, null);
        return (index > 0 ? sequence[index - 1] : null, index < sequence.Count - 1 ? sequence[index + 1] : null);
    }

    /// <summary>The navigation entry a page belongs under (its section page, or itself at the top level).</summary>
    public string NavigationUrlOf(PageEntry page) => page.Section.Length > 0 ? "/" + page.Section + "/" : page.Url;

    private static PageEntry[] ReadingOrderOf(
        IReadOnlyList<PageEntry> navigation, Func<string, IReadOnlyList<PageEntry>> sectionPages)
    {
        static bool IsRead(PageEntry p) => p.Kind == PageKinds.Page && p.Work is null;
        return navigation
            .SelectMany(entry =>
                entry.IsSectionIndex ? sectionPages(entry.Section).Where(IsRead) : IsRead(entry) ? [entry] : [])
            .ToArray();
    }

    private static int CompareWorks(PageEntry a, PageEntry b)
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
