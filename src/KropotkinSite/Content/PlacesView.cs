using KropotkinSite.Maps;

namespace KropotkinSite.Content;

/// <summary>An event as the places page lists it under a place: linking to its timeline entry and its page.</summary>
public sealed record PlaceEventView(string DateIso, string DateDisplay, string? EndIso, string? EndDisplay,
    string Title,
    string TimelineHref, string? PageHref, string? PageTitle);

/// <summary>A place as the places page shows it: its number (the order he first came there), its anchor id, the
/// years of its events (such as "1886–1887, 1917") and the events themselves.</summary>
/// <param name="OnMap">Whether the map marks it (it does whenever the site has a register).</param>
public sealed record PlaceView(int Number, string Id, string Name, string? Note, string Years,
    IReadOnlyList<PlaceEventView> Events, bool OnMap);

/// <summary>The places page: every place the events name, in the order he first came to each, and the map
/// (null without a register of places).</summary>
public sealed record PlacesView(IReadOnlyList<PlaceView> Places, PlacesMap? Map, bool HasRegister)
{
    public bool IsEmpty => Places.Count == 0;

    public int Count => Places.Count;
}
