namespace KropotkinSite.Content;

/// <summary>A dated event that feeds the timeline.</summary>
/// <param name="SourceFile">The file that declared it, for ordering ties and error messages.</param>
/// <param name="PageUrl">Address of the page that tells of it (site-relative, e.g. <c>/life/siberia/</c>), if any.</param>
public sealed record TimelineEvent(
    PartialDate Date,
    PartialDate? End,
    string Title,
    string? Place,
    string? Anchor,
    string SourceFile,
    SourcePosition Position,
    string? PageUrl = null,
    string? PageTitle = null);
