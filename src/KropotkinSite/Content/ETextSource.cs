namespace KropotkinSite.Content;

public sealed record ETextSource(string Source, string? Url);
