namespace KropotkinSite.Content;

/// <summary>A link written in Markdown, with the URL as the author wrote it and where it stands.</summary>
public sealed record MarkdownLink(string Url, SourcePosition Position);
