using System.Globalization;
using System.Text;

namespace KropotkinSite.Content;

/// <summary>
/// Orders events and groups them for the timeline page.
/// <para>
/// The order rule (the README says the same): events are ordered by date. Where one date is less precise than
/// another of the same year ("1876" and "June 1876", "May 1880" and "12 May 1880") or the two are the same, they
/// keep the order in which the content tells them: the order of their pages in the reading order (then the works
/// by year, then the other pages), and of the events within a page; events of the data file come after the
/// page they name tells its own, and those that name no page after every page's. Put precisely, within a year the
/// events that name a month are ordered by month (and within a month the days likewise), and an event known only
/// to the year comes right after the last of them that is told before it — first in its year when none is.
/// </para>
/// <para>The canonical order depends on the events alone (<see cref="TimelineOrderKey"/>: by date, a year before its
/// months, then title, file and line); the anchor ids are made in it, so they do not move when pages are reordered.
/// <see cref="StoryOrder"/> then applies the rule above for the page.</para>
/// </summary>
public static class TimelineBuilder
{
    /// <summary>How many colours the theme has for periods (<c>band-0</c> to <c>band-4</c>): band i takes colour
    /// i modulo this.</summary>
    public const int StripColours = 5;

    /// <summary>
    /// Where each event stands in the order in which the site tells events: by the telling rank of the page it
    /// links to (no page: last), the page's own events before those a data file gives it, then by file and place in
    /// the file, then by its place in the list. What the index says of an event's page is looked up once an event,
    /// not at every comparison of the sort.
    /// </summary>
    private static int[] TellingRanks(IReadOnlyList<StoryKey> events, TellingOrder telling)
    {
        var pageRank = new int[events.Count];
        var own = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var url = events[i].PageUrl;
            pageRank[i] = url is null ? int.MaxValue : telling.RankOf(url);
            own[i] = url is not null && telling.Sources.GetValueOrDefault(url) == events[i].SourceFile;
        }
        var byTelling = Enumerable.Range(0, events.Count).ToArray();
        Array.Sort(byTelling, (x, y) =>
        {
            var c = pageRank[x].CompareTo(pageRank[y]);
            if (c == 0) c = own[y].CompareTo(own[x]);
            if (c == 0) c = string.CompareOrdinal(events[x].SourceFile, events[y].SourceFile);
            if (c == 0) c = events[x].Position.Line.CompareTo(events[y].Position.Line);
            if (c == 0) c = events[x].Position.Column.CompareTo(events[y].Position.Column);
            return c != 0 ? c : x.CompareTo(y);
        });
        var rank = new int[events.Count];
        for (var i = 0; i < byTelling.Length; i++) rank[byTelling[i]] = i;
        return rank;
    }

    /// <summary>The positions of the events (given in the canonical order) in the order the timeline shows them, by
    /// the rule above, from where each stands in the telling order.</summary>
    public static int[] StoryOrder(IReadOnlyList<StoryKey> events, TellingOrder telling) =>
        [.. Arrange(Enumerable.Range(0, events.Count), 0, events, TellingRanks(events, telling))];

    /// <summary>Events that share their date down to <paramref name="level"/> (0 nothing, 1 the year, 2 the month,
    /// 3 the day), arranged by the rule: the more precise by their next part, the less precise merged in where
    /// told.</summary>
    private static List<int> Arrange(IEnumerable<int> items, int level, IReadOnlyList<StoryKey> events, int[] rank)
    {
        if (level == 3) return items.OrderBy(i => rank[i]).ToList();
        int? Part(int i) =>
            level switch { 0 => events[i].Date.Year, 1 => events[i].Date.Month, _ => events[i].Date.Day };
        var vague = items.Where(i => Part(i) is null).OrderBy(i => rank[i]).ToList();
        var precise = items.Where(i => Part(i) is not null).GroupBy(i => Part(i)!.Value).OrderBy(g => g.Key)
            .SelectMany(g => Arrange(g, level + 1, events, rank)).ToList();
        if (vague.Count == 0) return precise;

        // Each less precise event goes right after the last more precise one told before it: before the first
        // position from which every remaining precise event is told after it.
        var toldFirstFrom = new int[precise.Count + 1];
        toldFirstFrom[precise.Count] = int.MaxValue;
        for (var j = precise.Count - 1; j >= 0; j--)
            toldFirstFrom[j] = Math.Min(rank[precise[j]], toldFirstFrom[j + 1]);
        var merged = new List<int>(precise.Count + vague.Count);
        var k = 0;
        foreach (var v in vague)
        {
            while (k < precise.Count && toldFirstFrom[k] < rank[v]) merged.Add(precise[k++]);
            merged.Add(v);
        }
        merged.AddRange(precise.Skip(k));
        return merged;
    }

    /// <summary>The anchor ids of events on the timeline page, in the canonical order, from their dates and titles:
    /// stable for the same date and title.</summary>
    public static IReadOnlyList<string> Ids(IReadOnlyList<(PartialDate Date, string Title)> ordered)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var ids = new string[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var stem = $"e{ordered[i].Date.Iso}-{Slug(ordered[i].Title)}";
            var id = stem;
            for (var n = 2; !used.Add(id); n++) id = $"{stem}-{n}";
            ids[i] = id;
        }
        return ids;
    }

    /// <param name="placeHref">The address of a place's entry on the places page.</param>
    public static TimelineView Build(IReadOnlyList<TimelineEvent> ordered, IReadOnlyList<string> ids,
        IReadOnlyList<TimelinePeriod> periods, Func<TimelineEvent, string?> link, Func<string, string> placeHref) =>
        Build(ordered.Select((e, i) => Entry(e, ids[i], link(e), placeHref)).ToArray(), periods);

    /// <summary>One event as the timeline shows it, with its anchor id, the address of its page (if any) and its
    /// places linking to the places page.</summary>
    public static TimelineEntry Entry(TimelineEvent e, string id, string? link, Func<string, string> placeHref) =>
        new(id, e, link, e.Places.Select(p => new PlaceLink(p.Name, placeHref(p.Name))).ToArray());

    /// <summary>The timeline of entries in timeline order, grouped by the periods (by decade when there are
    /// none). Made of <see cref="Bounds"/>, <see cref="Buckets"/>, <see cref="Group"/>, <see cref="Tick"/>,
    /// <see cref="BandsOf"/> and <see cref="Strip"/>, which a build may reuse one by one.</summary>
    public static TimelineView Build(IReadOnlyList<TimelineEntry> ordered, IReadOnlyList<TimelinePeriod> periods)
    {
        var (first, last) = Bounds(ordered, periods);
        var buckets = Buckets(ordered, periods);
        var groups = buckets.Select(b => Group(b.Head, b.Entries)).ToArray();
        return new TimelineView(groups, Strip(BandsOf(groups, [.. buckets.Select(b => b.Head)]),
            [.. ordered.Select(e => Tick(e, first, last))], first, last));
    }

    /// <summary>The first and last year the timeline's strip spans: its events' and its periods'.</summary>
    public static (int First, int Last) Bounds(IReadOnlyList<TimelineEntry> ordered,
        IReadOnlyList<TimelinePeriod> periods)
    {
        if (ordered.Count == 0) return (0, 0);
        var first = ordered[0].Event.Date.Year;
        var last = int.MinValue;
        foreach (var entry in ordered) last = Math.Max(last, (entry.Event.End ?? entry.Event.Date).Year);
        foreach (var period in periods)
            (first, last) = (Math.Min(first, period.Start.Year), Math.Max(last, period.End.Year));
        return (first, last);
    }

    /// <summary>The entries of each group with what heads it: an event belongs to the last period that has begun
    /// by its date (events before the first to the first); by decade when there are no periods.</summary>
    public static IReadOnlyList<(TimelineGroupHead Head, TimelineEntry[] Entries)> Buckets(
        IReadOnlyList<TimelineEntry> ordered, IReadOnlyList<TimelinePeriod> periods)
    {
        if (ordered.Count == 0) return [];
        if (periods.Count == 0)
            return [.. ordered.GroupBy(e => e.Event.Date.Year / 10 * 10).Select(g => (
                new TimelineGroupHead($"decade-{g.Key}", $"{g.Key}s", null, $"{g.Key}–{g.Key + 9}", g.Key, g.Key + 9),
                g.ToArray()))];
        var buckets = periods.Select(_ => new List<TimelineEntry>()).ToArray();
        foreach (var entry in ordered)
        {
            var index = 0;
            for (var i = 0; i < periods.Count; i++)
                if (periods[i].Start.CompareTo(entry.Event.Date) <= 0) index = i;
            buckets[index].Add(entry);
        }
        return [.. periods.Select((p, i) => (
            new TimelineGroupHead("period-" + Slug(p.Title), p.Title, p.Summary, $"{p.Start.Year}–{p.End.Year}",
                p.Start.Year, p.End.Year),
            buckets[i].ToArray()))];
    }

    /// <summary>A group of the timeline: its entries, by year, and the places they name.</summary>
    public static TimelineGroup Group(TimelineGroupHead head, IReadOnlyList<TimelineEntry> entries) =>
        new(head.Id, head.Title, head.Summary, head.Span, entries, Places(entries));

    /// <summary>An entry's tick on the strip that spans the years from <paramref name="first"/> to
    /// <paramref name="last"/>.</summary>
    public static StripTick Tick(TimelineEntry entry, int first, int last) =>
        new(Percent(entry.Event.Date.Year + FractionOfYear(entry.Event.Date), first, last),
            $"{entry.DateDisplay}: {entry.Title}", entry.Id);

    /// <summary>What the strip shows of each group: its head, the places its entries name and how many they
    /// are.</summary>
    public static IReadOnlyList<(TimelineGroupHead Head, IReadOnlyList<string> Places, int Count)> BandsOf(
        IReadOnlyList<TimelineGroup> groups, IReadOnlyList<TimelineGroupHead> heads) =>
        [.. groups.Select((g, i) => (heads[i], g.Places, g.Entries.Count))];

    /// <summary>The overview strip of the groups (<see cref="BandsOf"/>) and the events' ticks, spanning the years
    /// from <paramref name="first"/> to <paramref name="last"/>: its bands, axis and marks.</summary>
    public static TimelineStrip Strip(IReadOnlyList<(TimelineGroupHead Head, IReadOnlyList<string> Places, int Count)>
        groups, IReadOnlyList<StripTick> ticks, int first, int last)
    {
        if (ticks.Count == 0) return TimelineStrip.Empty;
        var span = Math.Max(1, last + 1 - first);
        var bands = groups.Select((g, i) =>
        {
            var width = Math.Max(0.5, Percent(g.Head.To + 1, first, last) - Percent(g.Head.From, first, last));
            return new StripBand(g.Head.Title, g.Head.Span, g.Head.Id, Percent(g.Head.From, first, last), width,
                i % StripColours, g.Places, g.Count);
        }).ToArray();
        var step = span > 60 ? 10 : span > 20 ? 5 : 1;
        var axis = Enumerable.Range(first, span).Where(y => y % step == 0).ToArray();
        var marks = axis.Where(y => y > first).Select(y => new StripMark(y, Percent(y, first, last))).ToArray();
        return new TimelineStrip(bands, [.. ticks], axis, marks, first, last, ticks.Count);
    }

    /// <summary>Where a year stands on the strip, in percent of its width.</summary>
    private static double Percent(double year, int first, int last) =>
        Math.Round((year - first) * 100.0 / Math.Max(1, last + 1 - first), 3);

    private static double FractionOfYear(PartialDate date) =>
        date.Month is { } month ? ((month - 1) * 30.5 + (date.Day ?? 15)) / 366.0 : 0.5;

    private static IReadOnlyList<string> Places(IEnumerable<TimelineEntry> entries) =>
        entries.SelectMany(e => e.Event.Places).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The text with accents split off its letters; as it is when it holds a noncharacter such as U+FFFE,
    /// which valid UTF-8 can carry but normalisation refuses (it threw for the whole timeline).</summary>
    private static string Decomposed(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>Lower-case ASCII letters and digits joined by '-', for ids.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in Decomposed(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            if (builder.Length >= 48) break;
        }
        return builder.ToString().Trim('-') is { Length: > 0 } slug ? slug : "event";
    }
}
