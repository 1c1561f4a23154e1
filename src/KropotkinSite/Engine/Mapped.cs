namespace KropotkinSite.Engine;

/// <summary>What mapping one document gave: the new document (null when it was dropped) and the errors it
/// reported.</summary>
public sealed record Mapped(Document? Output, ContentError[] Errors);
