namespace KropotkinSite.Content;

/// <summary>One event as the timeline page shows it.</summary>
public sealed record TimelineEntry(string Id, TimelineEvent Event, string? Link)
{
    public string DateIso => Event.Date.Iso;
    public string DateDisplay => Event.Date.Display;
    public string? EndIso => Event.End?.Iso;
    public string? EndDisplay => Event.End?.Display;
    public string Title => Event.Title;
    public string? Place => Event.Place;
    public string? PageTitle => Event.PageTitle;
}
