namespace KropotkinSite.Content;

/// <summary>
/// What every page needs to know about the others: navigation, sections, the reading order (previous/next),
/// backlinks and the works in year order. Assembled from pieces each made from what it reads alone (the
/// <see cref="SiteShape"/> from where pages stand, the <see cref="SiteOrder"/> from how they sort, the
/// <see cref="SiteMentions"/> from their links, each page's <see cref="PageBacklinks"/> from its sources), so
/// that a build may reuse each piece an edit leaves as it was; assembling them costs nothing.
/// </summary>
public sealed class SiteIndex
{
    private readonly SiteShape _shape;
    private readonly SiteOrder _order;
    private readonly SiteMentions _mentions;
    private readonly IReadOnlyList<PageBacklinks> _backlinks;

    /// <summary>The index of these pages, every piece made here.</summary>
    public SiteIndex(IEnumerable<PageEntry> pages) : this(pages.ToArray()) { }

    private SiteIndex(PageEntry[] entries) : this(entries, new SiteShape([.. entries.Select(PageKey.Of)])) { }

    private SiteIndex(PageEntry[] entries, SiteShape shape) : this(entries, shape,
        new SiteOrder(shape, PermutationsOf(shape, [.. entries.Select(SortKey.Of)])),
        new SiteMentions(shape, [.. entries.Select(e => e.LinkTargets)]))
    { }

    private SiteIndex(PageEntry[] entries, SiteShape shape, SiteOrder order, SiteMentions mentions) : this(
        entries, shape, order, mentions,
        BacklinksOf(entries, mentions, HeadingsOf(entries, shape, order)))
    { }

    /// <param name="entries">Every page, at the positions of the pieces (a not-found page is not held).</param>
    /// <param name="backlinks">For each of the mentions' targets, its backlinks.</param>
    public SiteIndex(IReadOnlyList<PageEntry> entries, SiteShape shape, SiteOrder order, SiteMentions mentions,
        IReadOnlyList<PageBacklinks> backlinks)
    {
        Entries = entries;
        (_shape, _order, _mentions, _backlinks) = (shape, order, mentions, backlinks);
    }

    /// <summary>Every page given, including those the index does not hold, at the positions of its pieces.</summary>
    public IReadOnlyList<PageEntry> Entries { get; }

    /// <summary>The pages the index holds, by address.</summary>
    public IReadOnlyList<PageEntry> Pages => At(_shape.Pages);

    /// <summary>The primary navigation: top-level section pages and top-level pages, by order then title.</summary>
    public IReadOnlyList<PageEntry> Navigation => At(_order.Navigation);

    /// <summary>Every work, by year of publication, then title.</summary>
    public IReadOnlyList<PageEntry> Works => At(_order.Works);

    /// <summary>
    /// The biography in the order a reader goes through it: each entry of the navigation in turn, a section's
    /// pages in their order and a top-level page itself. Works (they follow each other by year), section pages,
    /// the home page and generated pages are not in it. No page is in it twice.
    /// </summary>
    public IReadOnlyList<PageEntry> ReadingOrder => At(_order.ReadingOrder);

    /// <summary>Where a page stands in the order in which the content tells things (the reading order, then the
    /// works by year, then every other page by address); pages the index does not hold come after all.</summary>
    public int TellingRank(string url) => _order.TellingRank(_shape.PositionOf(url));

    /// <summary>A page's place in the reading order (0-based), or -1 when it is not in it.</summary>
    public int ReadingPosition(string url) => _order.ReadingPosition(_shape.PositionOf(url));

    /// <summary>Where a page of the reading order stands among its section's pages there; null for other
    /// pages.</summary>
    public (int Index, int Count)? PlaceInSection(string url) =>
        _order.PlaceOf(_shape.PositionOf(url)) is { InSection: true } place ? (place.Number - 1, place.Count) : null;

    /// <summary>The first navigation entry the reading order does not go through (the works, say), where its last
    /// page sends a reader on; the home page when there is none.</summary>
    public PageEntry? ReadOn => At(_order.ReadOn);

    public PageEntry? Find(string url) => At(_shape.PositionOf(url));

    /// <summary>Where a page stands in the navigation (0-based), or null when it is not in it.</summary>
    public int? NavigationPlace(string url) =>
        _order.NavigationPlace(_shape.PositionOf(url)) is var place and >= 0 ? place : null;

    public IReadOnlyList<PageEntry> SectionPages(string section) => At(_order.SectionPages(_shape, section));

    /// <summary>The pages that link to a page, by title.</summary>
    public IReadOnlyList<PageEntry> Backlinks(string url) => BacklinksAt(_shape.PositionOf(url)).Pages;

    /// <summary>The pages before and after one in its sequence: works by year, other pages in the reading
    /// order.</summary>
    public (PageEntry? Previous, PageEntry? Next) Neighbours(PageEntry page) =>
        Neighbours(page, page.Section, _shape.PositionOf(page.Url));

    /// <summary>The navigation entry a page belongs under (its section page, or itself at the top level).</summary>
    public string NavigationUrlOf(PageEntry page) => page.Section.Length > 0 ? "/" + page.Section + "/" : page.Url;

    /// <summary>What the page at a position shows of the others (see <see cref="PageSurroundings.Of"/>); each part
    /// is an object of the index's pieces or one of its entries, so a slice of a page that nothing around it
    /// changed holds the very objects it held.</summary>
    public PageSlice SliceOf(int position, IReadOnlyList<string?> eventIds)
    {
        var page = Entries[position];
        var key = _shape.Keys[position];
        var at = _shape.Canonical[position];
        var (previous, next) = Neighbours(page, key.Section, at);
        var reading = _order.ReadingPosition(at);
        var start = page.Url == "/" ? At(_order.ReadingOrder.Count > 0 ? _order.ReadingOrder[0] : -1)
            : key.IsSectionIndex ? At(_order.FirstRead(_shape.SequenceOf(key.Section)))
            : null;
        var readOn = reading >= 0 && next is null ? ReadOn : null;
        var leads = key.IsSectionIndex || start is not null || readOn is not null
            ? new PageLeads(key.IsSectionIndex ? SectionPages(key.Section) : [], start, readOn)
            : null;
        return (page, previous, next, At(_shape.SectionPages[position]), BacklinksAt(at), _order.PlaceOf(at), eventIds,
            leads);
    }

    /// <summary>The slice of every entry, given the ids of each one's events on the timeline.</summary>
    public PageSlice[] Slices(IReadOnlyList<IReadOnlyList<string?>> eventIds)
    {
        var slices = new PageSlice[Entries.Count];
        for (var i = 0; i < slices.Length; i++) slices[i] = SliceOf(i, eventIds[i]);
        return slices;
    }

    /// <summary>The position of a page among the entries, or of the page the index holds at its address.</summary>
    public int PositionOf(PageEntry page)
    {
        for (var i = 0; i < Entries.Count; i++)
            if (ReferenceEquals(Entries[i], page)) return i;
        return _shape.PositionOf(page.Url);
    }

    /// <summary>The orders of each of the shape's sequences.</summary>
    public static int[][] PermutationsOf(SiteShape shape, IReadOnlyList<SortKey> keys) =>
        [.. shape.Sequences.Select(s => SortKey.Permutation(KeysOf(s, keys), s.ByYear))];

    /// <summary>The sort keys of a sequence's members.</summary>
    public static SortKey[] KeysOf(SiteSequence sequence, IReadOnlyList<SortKey> keys) =>
        [.. sequence.Members.Select(m => keys[m])];

    /// <summary>For each section with pages, its section page's title (or its name) and navigation place.</summary>
    public static SectionHeading[] HeadingsOf(IReadOnlyList<PageEntry> entries, SiteShape shape, SiteOrder order) =>
        [.. shape.Sections.Select(section => HeadingOf(section, entries, shape, order))];

    /// <summary>For each chunk of the mentions' targets, its sources' entries, target after target.</summary>
    public static PageEntry[][] SourceChunksOf(IReadOnlyList<PageEntry> entries, SiteMentions mentions) =>
        [.. mentions.Chunks.Select(chunk => chunk.SelectMany(sources => sources).Select(p => entries[p]).ToArray())];

    /// <summary>The backlinks of each target of a chunk, from its sources' entries given target after
    /// target.</summary>
    public static PageBacklinks[] BacklinksOf(IReadOnlyList<IReadOnlyList<int>> chunk, PageEntry[] sources,
        IReadOnlyList<SectionHeading> headings)
    {
        var backlinks = new PageBacklinks[chunk.Count];
        for (int i = 0, at = 0; i < chunk.Count; at += chunk[i].Count, i++)
            backlinks[i] = PageBacklinks.Of(new ArraySegment<PageEntry>(sources, at, chunk[i].Count), headings);
        return backlinks;
    }

    private static PageBacklinks[] BacklinksOf(IReadOnlyList<PageEntry> entries, SiteMentions mentions,
        IReadOnlyList<SectionHeading> headings) =>
        [.. mentions.Chunks.Zip(SourceChunksOf(entries, mentions), (c, s) => BacklinksOf(c, s, headings))
            .SelectMany(b => b)];

    private (PageEntry? Previous, PageEntry? Next) Neighbours(PageEntry page, string section, int at)
    {
        var reading = _order.ReadingPosition(at);
        var order = _order.ReadingOrder;
        if (reading >= 0)
            return (reading > 0 ? At(order[reading - 1]) : null,
                reading < order.Count - 1 ? At(order[reading + 1]) : null);
        if (page.Work is null || page.IsSectionIndex || section.Length == 0) return (null, null);
        var sequence = _order.SectionPages(_shape, section);
        var index = _order.PositionInSection(at);
        if (index < 0 || index >= sequence.Count || _shape.Keys[sequence[index]].Url != page.Url) return (null, null);
        return (index > 0 ? At(sequence[index - 1]) : null,
            index < sequence.Count - 1 ? At(sequence[index + 1]) : null);
    }

    private static SectionHeading HeadingOf(string section, IReadOnlyList<PageEntry> entries, SiteShape shape,
        SiteOrder order)
    {
        var head = shape.PositionOf("/" + section + "/");
        var place = order.NavigationPlace(head);
        return new SectionHeading(section, head >= 0 ? entries[head].Title : section,
            place >= 0 ? place : int.MaxValue - 1);
    }

    private PageBacklinks BacklinksAt(int position) =>
        _mentions.TargetOf(position) is var target and >= 0 ? _backlinks[target] : PageBacklinks.None;

    private PageEntry? At(int position) => position >= 0 ? Entries[position] : null;

    private PageEntry[] At(IReadOnlyList<int> positions)
    {
        var pages = new PageEntry[positions.Count];
        for (var i = 0; i < pages.Length; i++) pages[i] = Entries[positions[i]];
        return pages;
    }
}
