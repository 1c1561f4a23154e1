namespace KropotkinSite.Content;

/// <summary>What the order in which the timeline tells events reads of one event: its date, the page it links to,
/// and where it is declared; not its title or its page's title, so a retitled page leaves it equal.</summary>
public sealed record StoryKey(PartialDate Date, string? PageUrl, string SourceFile, SourcePosition Position)
{
    public static StoryKey Of(TimelineEvent e) => new(e.Date, e.PageUrl, e.SourceFile, e.Position);
}
