namespace KropotkinSite.Content;

/// <summary>The bibliographic facts of a work page (<c>input/works/*.md</c>).</summary>
/// <param name="StartHere">Marked <c>start_here: true</c>: one of the works a new reader is pointed to first.</param>
public sealed record Work(
    int? Year,
    WorkKind Kind,
    string? OriginalTitle,
    string? Language,
    string? Place,
    string? Publisher,
    IReadOnlyList<ETextSource> ETexts,
    bool Unfinished,
    bool StartHere = false)
{
    public string KindName => Kind.ToString().ToLowerInvariant();
}
