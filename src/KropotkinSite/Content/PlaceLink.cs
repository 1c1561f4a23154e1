namespace KropotkinSite.Content;

/// <summary>A place's name and the address of its entry on the places page.</summary>
public sealed record PlaceLink(string Name, string Href);
