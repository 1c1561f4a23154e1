namespace KropotkinSite.Content;

/// <summary>
/// What the canonical order of events (see <see cref="TimelineBuilder"/>) and their anchor ids are made from: an
/// event's date, its title and where it is declared. The page an event links to, and that page's title, take no
/// part, so a retitled page moves no event and renames no id.
/// </summary>
public sealed record TimelineOrderKey(PartialDate Date, string Title, string SourceFile, int Line)
    : IComparable<TimelineOrderKey>
{
    public static TimelineOrderKey Of(TimelineEvent e) => new(e.Date, e.Title, e.SourceFile, e.Position.Line);

    /// <summary>By date (a year before its months), then title (regardless of case first), file and line.</summary>
    public int CompareTo(TimelineOrderKey? other)
    {
        if (other is null) return 1;
        var c = Date.CompareTo(other.Date);
        if (c == 0) c = string.Compare(Title, other.Title, StringComparison.OrdinalIgnoreCase);
        if (c == 0) c = string.CompareOrdinal(Title, other.Title);
        if (c == 0) c = string.CompareOrdinal(SourceFile, other.SourceFile);
        if (c == 0) c = Line.CompareTo(other.Line);
        return c;
    }
}
