namespace KropotkinSite.Content;

public sealed record TimelineView(
    IReadOnlyList<TimelineGroup> Groups,
    IReadOnlyList<StripBand> Bands,
    IReadOnlyList<StripTick> Ticks,
    IReadOnlyList<int> AxisYears,
    IReadOnlyList<StripMark> Marks,
    int FirstYear,
    int LastYear,
    int EventCount)
{
    public bool IsEmpty => EventCount == 0;
}
