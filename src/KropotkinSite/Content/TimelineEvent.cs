namespace KropotkinSite.Content;

/// <summary>A dated event that feeds the timeline.</summary>
/// <param name="Places">The places it names (<c>place:</c>, one name or a list), in the order written.</param>
/// <param name="SourceFile">The file that declared it, for ordering ties and error messages.</param>
/// <param name="PageUrl">Address of the page that tells of it (site-relative, e.g. <c>/life/siberia/</c>), if
/// any.</param>
public sealed record TimelineEvent(
    PartialDate Date,
    PartialDate? End,
    string Title,
    ValueList<EventPlace> Places,
    string? Anchor,
    string SourceFile,
    SourcePosition Position,
    string? PageUrl = null,
    string? PageTitle = null)
{
    /// <summary>The names of its places joined for reading ("London and Paris"), or null when it names none.</summary>
    public string? Place => Places.Count == 0 ? null : PlaceNames.Join(Places.Select(p => p.Name).ToArray());
}
