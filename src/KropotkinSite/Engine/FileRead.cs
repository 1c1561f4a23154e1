namespace KropotkinSite.Engine;

/// <summary>A file read as a document, or why it is not: <paramref name="Problem"/> completes "the file …".</summary>
public sealed record FileRead(Document? Document, string? Problem);
