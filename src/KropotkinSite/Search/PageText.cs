namespace KropotkinSite.Search;

/// <summary>A run of a page's text as a reader sees it: a heading, or a block of body text (a paragraph, a list
/// item, a table cell, a fact of a work).</summary>
public sealed record TextBlock(bool IsHeading, string Text);

/// <summary>What search reads of one page: its title (the <c>h1</c>) and its headings and body in reading order.
/// </summary>
public sealed record PageText(string Title, IReadOnlyList<TextBlock> Blocks);
