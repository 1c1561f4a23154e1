namespace KropotkinSite.Content;

/// <summary>An event as a page shows it, with its place on the timeline.</summary>
public sealed record EventView(string DateIso, string DateDisplay, string? EndIso, string? EndDisplay, string Title,
    string? Place, string TimelineHref);
