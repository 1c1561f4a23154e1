namespace KropotkinSite.Content;

/// <summary>The bibliographic facts of a work page (<c>input/works/*.md</c>).</summary>
public sealed record Work(
    int? Year,
    WorkKind Kind,
    string? OriginalTitle,
    string? Language,
    string? Place,
    string? Publisher,
    IReadOnlyList<ETextSource> ETexts,
    bool Unfinished)
{
    public string KindName => Kind.ToString().ToLowerInvariant();
}
