using System.Globalization;
using System.Text;

namespace KropotkinSite.Content;

/// <summary>
/// Orders events and groups them for the timeline page. Order: by date, where a date known only to the year
/// comes before dates in that year that name a month or day (and a month before its days); then by title
/// (ordinal, ignoring case); then by the declaring file and line, so ties never depend on the disk.
/// </summary>
public static class TimelineBuilder
{
    public static IReadOnlyList<TimelineEvent> Order(IEnumerable<TimelineEvent> events)
    {
        var array = events.ToArray();
        Array.Sort(array, Compare);
        return array;
    }

    public static int Compare(TimelineEvent a, TimelineEvent b)
    {
        var c = a.Date.CompareTo(b.Date);
        if (c == 0) c = string.Compare(a.Title, b.Title, StringComparison.OrdinalIgnoreCase);
        if (c == 0) c = string.CompareOrdinal(a.Title, b.Title);
        if (c == 0) c = string.CompareOrdinal(a.SourceFile, b.SourceFile);
        if (c == 0) c = a.Position.Line.CompareTo(b.Position.Line);
        return c;
    }

    /// <summary>The anchor id of an event on the timeline page: stable for the same date and title.</summary>
    public static IReadOnlyList<string> Ids(IReadOnlyList<TimelineEvent> ordered)
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

    public static TimelineView Build(IReadOnlyList<TimelineEvent> ordered, IReadOnlyList<string> ids, IReadOnlyList<TimelinePeriod> periods, Func<TimelineEvent, string?> link)
    {
        var entries = ordered.Select((e, i) => new TimelineEntry(ids[i], e, link(e))).ToArray();
        if (entries.Length == 0) return new TimelineView([], [], [], [], 0, 0, 0);

        var groups = periods.Count > 0 ? GroupByPeriods(entries, periods) : GroupByDecades(entries);
        var first = Math.Min(entries[0].Event.Date.Year, periods.Count > 0 ? periods.Min(p => p.Start.Year) : int.MaxValue);
        var last = Math.Max(entries.Max(e => (e.Event.End ?? e.Event.Date).Year), periods.Count > 0 ? periods.Max(p => p.End.Year) : int.MinValue);
        var span = Math.Max(1, last + 1 - first);
        double Percent(double year) => Math.Round((year - first) * 100.0 / span, 3);

        var bands = groups.Select((g, i) =>
        {
            var (from, to) = g.Bounds;
            return new StripBand(g.Group.Title, g.Group.Span, g.Group.Id, Percent(from), Math.Max(0.5, Percent(to + 1) - Percent(from)), i % 4, g.Group.Places, g.Group.Entries.Count);
        }).ToArray();
        var ticks = entries.Select(e => new StripTick(Percent(e.Event.Date.Year + FractionOfYear(e.Event.Date)), $"{e.DateDisplay}: {e.Title}", e.Id)).ToArray();
        var step = span > 60 ? 10 : span > 20 ? 5 : 1;
        var axis = Enumerable.Range(first, span).Where(y => y % step == 0).ToArray();
        return new TimelineView(groups.Select(g => g.Group).ToArray(), bands, ticks, axis, first, last, entries.Length);
    }

    private static double FractionOfYear(PartialDate date) =>
        date.Month is { } month ? ((month - 1) * 30.5 + (date.Day ?? 15)) / 366.0 : 0.5;

    private static List<(TimelineGroup Group, (int From, int To) Bounds)> GroupByPeriods(TimelineEntry[] entries, IReadOnlyList<TimelinePeriod> periods)
    {
        // An event belongs to the last period that has begun by its date; events before the first go to the first.
        var buckets = periods.Select(_ => new List<TimelineEntry>()).ToArray();
        foreach (var entry in entries)
        {
            var index = 0;
            for (var i = 0; i < periods.Count; i++)
                if (periods[i].Start.CompareTo(entry.Event.Date) <= 0) index = i;
            buckets[index].Add(entry);
        }
        return periods.Select((p, i) => (
            new TimelineGroup("period-" + Slug(p.Title), p.Title, p.Summary, $"{p.Start.Year}–{p.End.Year}", buckets[i], Places(buckets[i])),
            (p.Start.Year, p.End.Year))).ToList();
    }

    private static List<(TimelineGroup Group, (int From, int To) Bounds)> GroupByDecades(TimelineEntry[] entries) =>
        entries.GroupBy(e => e.Event.Date.Year / 10 * 10)
            .Select(g => (
                new TimelineGroup($"decade-{g.Key}", $"{g.Key}s", null, $"{g.Key}–{g.Key + 9}", g.ToArray(), Places(g)),
                (g.Key, g.Key + 9)))
            .ToList();

    private static IReadOnlyList<string> Places(IEnumerable<TimelineEntry> entries) =>
        entries.Select(e => e.Place).OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

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
