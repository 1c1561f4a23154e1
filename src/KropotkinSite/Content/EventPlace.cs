namespace KropotkinSite.Content;

/// <summary>A place an event names, and where its name is written (for errors).</summary>
public readonly record struct EventPlace(string Name, SourcePosition Position);
