namespace KropotkinSite.Content;

/// <summary>The timeline's overview strip: a band for each group, a tick for each event, the decades' marks, and
/// the years it spans. Made from the groups' heads and the events' dates, not from the titles of the pages the
/// events link to, so that a retitled page leaves it as it was (the theme lays it out as a part of its own,
/// <c>timeline-strip</c>).</summary>
public sealed record TimelineStrip(
    IReadOnlyList<StripBand> Bands,
    IReadOnlyList<StripTick> Ticks,
    IReadOnlyList<int> AxisYears,
    IReadOnlyList<StripMark> Marks,
    int FirstYear,
    int LastYear,
    int EventCount)
{
    public static readonly TimelineStrip Empty = new([], [], [], [], 0, 0, 0);

    /// <summary>How many groups (periods, or decades) the bands stand for.</summary>
    public int GroupCount => Bands.Count;
}
