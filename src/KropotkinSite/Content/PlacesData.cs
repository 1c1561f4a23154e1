namespace KropotkinSite.Content;

/// <summary>What the places page is made from: every event of the timeline, and the register of places if the
/// site has one (without it, places are listed but no map is drawn).</summary>
public sealed record PlacesData(TimelineData Timeline, PlaceRegister? Register);
