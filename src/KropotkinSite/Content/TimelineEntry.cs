namespace KropotkinSite.Content;

/// <summary>One event as the timeline page shows it.</summary>
/// <param name="Places">Its places, each linking to its entry on the places page.</param>
public sealed record TimelineEntry(string Id, TimelineEvent Event, string? Link, IReadOnlyList<PlaceLink> Places)
{
    public string DateIso => Event.Date.Iso;
    public string DateDisplay => Event.Date.Display;
    /// <summary>The date as shown under its year: "30 June", "June", or "" for a date known only to the year.</summary>
    public string DateWithinYear => Event.Date.WithinYear;
    public string? EndIso => Event.End?.Iso;
    public string? EndDisplay => Event.End?.Display;
    public string Title => Event.Title;
    public string? Place => Event.Place;
    public string? PageTitle => Event.PageTitle;
}
