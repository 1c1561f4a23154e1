namespace KropotkinSite.Content;

/// <summary>
/// The site index's shape, made from each page's <see cref="PageKey"/> alone: which pages it holds (in address
/// order), the page at each address, and the sequences whose order the pages' <see cref="SortKey"/>s decide (the
/// navigation, the works, each section's pages). Positions are those of the keys given.
/// </summary>
public sealed class SiteShape
{
    /// <summary>The sequence of the navigation: top-level section pages and top-level pages, but not the home page
    /// nor the search page (every page reaches that from its search field).</summary>
    public const int NavigationSequence = 0;

    /// <summary>The sequence of every work.</summary>
    public const int WorksSequence = 1;

    private readonly Dictionary<string, int> _byUrl;
    private readonly Dictionary<string, int> _sectionSequence;

    public SiteShape(IReadOnlyList<PageKey> keys)
    {
        Keys = keys;
        var pages = new List<int>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
            if (keys[i].InIndex) pages.Add(i);
        // By address, and where two pages share one (an error reported elsewhere) the first given first.
        pages.Sort((a, b) => string.CompareOrdinal(keys[a].Url, keys[b].Url) is var c and not 0 ? c : a.CompareTo(b));
        Pages = [.. pages];
        _byUrl = new Dictionary<string, int>(Pages.Count, StringComparer.Ordinal);
        foreach (var page in Pages) _byUrl.TryAdd(keys[page].Url, page);

        var navigation = new List<int>();
        var works = new List<int>();
        var sections = new List<(string Section, List<int> Members)>();
        _sectionSequence = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in Pages)
        {
            var key = keys[page];
            if (key.Url != "/" && key.Kind != PageKinds.Search && (key.IsSectionIndex || key.Section.Length == 0))
                navigation.Add(page);
            if (key.IsWork) works.Add(page);
            if (key.Section.Length == 0 || key.IsSectionIndex) continue;
            if (!_sectionSequence.TryGetValue(key.Section, out var sequence))
            {
                _sectionSequence[key.Section] = sequence = 2 + sections.Count;
                sections.Add((key.Section, []));
            }
            sections[sequence - 2].Members.Add(page);
        }
        // A section of works only follows the years, as the works do.
        Sequences =
        [
            new SiteSequence([.. navigation], false),
            new SiteSequence([.. works], true),
            .. sections.Select(s => new SiteSequence([.. s.Members], s.Members.All(m => keys[m].IsWork))),
        ];
        Sections = [.. sections.Select(s => s.Section)];
        Canonical = [.. keys.Select(k => PositionOf(k.Url))];
        var heads = new Dictionary<string, int>(StringComparer.Ordinal);
        SectionPages = [.. keys.Select(k => k.Section.Length == 0 ? -1
            : heads.TryGetValue(k.Section, out var head) ? head
            : heads[k.Section] = PositionOf("/" + k.Section + "/"))];
    }

    public IReadOnlyList<PageKey> Keys { get; }

    /// <summary>The positions of the pages the index holds, by address.</summary>
    public IReadOnlyList<int> Pages { get; }

    /// <summary>The navigation, the works, then each section's pages (not its section page) in
    /// <see cref="Sections"/>' order; each sequence's members by address, before they are sorted.</summary>
    public IReadOnlyList<SiteSequence> Sequences { get; }

    /// <summary>The sections that have pages, in the order of their sequences.</summary>
    public IReadOnlyList<string> Sections { get; }

    /// <summary>For each position, that of the page the index holds at its address (itself, unless two share it), or
    /// -1 for a page the index does not hold.</summary>
    public IReadOnlyList<int> Canonical { get; }

    /// <summary>For each position, that of its section's page, or -1.</summary>
    public IReadOnlyList<int> SectionPages { get; }

    /// <summary>The position of the page at an address (the first, should two share it), or -1.</summary>
    public int PositionOf(string url) => _byUrl.TryGetValue(url, out var position) ? position : -1;

    /// <summary>The sequence of a section's pages, or -1 when it has none.</summary>
    public int SequenceOf(string section) => _sectionSequence.TryGetValue(section, out var sequence) ? sequence : -1;
}
