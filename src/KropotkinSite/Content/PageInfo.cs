namespace KropotkinSite.Content;

/// <summary>What a page's front matter says, validated against the content model.</summary>
public sealed record PageInfo(
    string Title,
    string? Description,
    string? Layout,
    SourcePosition LayoutPosition,
    int? Order,
    bool Draft,
    IReadOnlyList<TimelineEvent> Events,
    Work? Work);
