namespace KropotkinSite.Content;

/// <summary>
/// The orders of the site, made from its <see cref="SiteShape"/> and each sequence's sorted order alone (so an edit
/// that moves nothing leaves it as it was): the sequences sorted, the reading order, and where each page stands in
/// them. Everything is by position of the shape's keys.
/// </summary>
public sealed class SiteOrder
{
    private readonly int[] _readingPosition;
    private readonly int[] _positionInSection;
    private readonly int[] _navigationPlace;
    private readonly int[] _tellingRank;
    private readonly int[] _firstRead;
    private readonly OrderPlace?[] _places;

    /// <param name="permutations">For each of the shape's sequences, the order of its members (see
    /// <see cref="SortKey.Permutation"/>).</param>
    public SiteOrder(SiteShape shape, IReadOnlyList<int[]> permutations)
    {
        var keys = shape.Keys;
        var count = keys.Count;
        Sequences = [.. shape.Sequences.Select((s, i) => permutations[i].Select(k => s.Members[k]).ToArray())];
        _positionInSection = Filled(count, -1);
        for (var s = 2; s < Sequences.Count; s++)
            for (var i = 0; i < Sequences[s].Count; i++) _positionInSection[Sequences[s][i]] = i;
        _navigationPlace = Filled(count, -1);
        for (var i = Navigation.Count - 1; i >= 0; i--) _navigationPlace[Navigation[i]] = i;

        // Each entry of the navigation in turn: a section's pages that are read, or a top-level page itself.
        var reading = new List<int>();
        foreach (var entry in Navigation)
            if (keys[entry].IsSectionIndex)
                reading.AddRange(SectionPages(shape, keys[entry].Section).Where(p => keys[p].IsRead));
            else if (keys[entry].IsRead) reading.Add(entry);
        ReadingOrder = [.. reading];
        _readingPosition = Filled(count, -1);
        for (var i = 0; i < ReadingOrder.Count; i++) _readingPosition[ReadingOrder[i]] = i;

        _places = new OrderPlace?[count];
        var inSections = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in ReadingOrder)
            if (keys[page].Section.Length > 0)
                inSections[keys[page].Section] = inSections.GetValueOrDefault(keys[page].Section) + 1;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ReadingOrder.Count; i++)
        {
            var section = keys[ReadingOrder[i]].Section;
            _places[ReadingOrder[i]] = section.Length == 0
                ? new OrderPlace(i + 1, ReadingOrder.Count, false)
                : new OrderPlace(numbers[section] = numbers.GetValueOrDefault(section) + 1, inSections[section], true);
        }

        _firstRead = Filled(Sequences.Count, -1);
        for (var s = 2; s < Sequences.Count; s++)
            _firstRead[s] = Sequences[s].FirstOrDefault(p => _readingPosition[p] >= 0, -1);
        ReadOn = Navigation.FirstOrDefault(p => !IsReadThrough(shape, p), -1) is var readOn and >= 0
            ? readOn
            : shape.PositionOf("/");

        // The order in which the content tells things: the reading order, then the works by year, then the rest.
        _tellingRank = Filled(count, int.MaxValue);
        var rank = 0;
        foreach (var page in ReadingOrder.Concat(Works).Concat(shape.Pages))
        {
            var at = shape.PositionOf(keys[page].Url);
            if (_tellingRank[at] == int.MaxValue) _tellingRank[at] = rank++;
        }
    }

    /// <summary>Each of the shape's sequences, sorted.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Sequences { get; }

    public IReadOnlyList<int> Navigation => Sequences[SiteShape.NavigationSequence];

    public IReadOnlyList<int> Works => Sequences[SiteShape.WorksSequence];

    /// <summary>See <see cref="SiteIndex.ReadingOrder"/>.</summary>
    public IReadOnlyList<int> ReadingOrder { get; }

    /// <summary>Where the last page of the reading order sends a reader on (see <see cref="SiteIndex.ReadOn"/>), or
    /// -1.</summary>
    public int ReadOn { get; }

    public int ReadingPosition(int position) => position < 0 ? -1 : _readingPosition[position];

    public int PositionInSection(int position) => position < 0 ? -1 : _positionInSection[position];

    public int NavigationPlace(int position) => position < 0 ? -1 : _navigationPlace[position];

    public int TellingRank(int position) => position < 0 ? int.MaxValue : _tellingRank[position];

    public OrderPlace? PlaceOf(int position) => position < 0 ? null : _places[position];

    /// <summary>The first page of a section's sequence that the reading order goes through, or -1.</summary>
    public int FirstRead(int sequence) => sequence < 0 ? -1 : _firstRead[sequence];

    public IReadOnlyList<int> SectionPages(SiteShape shape, string section) =>
        shape.SequenceOf(section) is var sequence and >= 0 ? Sequences[sequence] : [];

    /// <summary>Whether the reading order goes through a navigation entry: the page itself, or a section's
    /// pages.</summary>
    private bool IsReadThrough(SiteShape shape, int entry) =>
        _readingPosition[entry] >= 0
        || (shape.Keys[entry].IsSectionIndex
            && SectionPages(shape, shape.Keys[entry].Section).Any(p => _readingPosition[p] >= 0));

    private static int[] Filled(int count, int value)
    {
        var array = new int[count];
        Array.Fill(array, value);
        return array;
    }
}
