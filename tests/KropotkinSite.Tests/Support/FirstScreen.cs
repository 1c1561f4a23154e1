namespace KropotkinSite.Tests.Support;

/// <summary>What a page's first screen shows: the header's height and where its first paragraph starts (CSS px
/// from the top).</summary>
public sealed record FirstScreen(string Page, double? Header, double? ParagraphTop, string? Paragraph);
