namespace KropotkinSite.Content;

/// <summary>The timeline page's view: its groups of entries and its overview strip. The strip's members are
/// given here too (<c>timeline.bands</c>, <c>timeline.first_year</c>...), for layouts that show it in place.</summary>
public sealed record TimelineView(IReadOnlyList<TimelineGroup> Groups, TimelineStrip Strip)
{
    public IReadOnlyList<StripBand> Bands => Strip.Bands;
    public IReadOnlyList<StripTick> Ticks => Strip.Ticks;
    public IReadOnlyList<int> AxisYears => Strip.AxisYears;
    public IReadOnlyList<StripMark> Marks => Strip.Marks;
    public int FirstYear => Strip.FirstYear;
    public int LastYear => Strip.LastYear;
    public int EventCount => Strip.EventCount;
    public bool IsEmpty => EventCount == 0;
}
