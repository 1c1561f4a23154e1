namespace KropotkinSite.Content;

/// <summary>The facts of a work as its page shows them.</summary>
/// <param name="LanguageName">The original language in words ("French"), or null when the work names none the
/// site knows.</param>
public sealed record WorkView(
    Work Work,
    string KindName,
    LinkView? Previous,
    LinkView? Next,
    IReadOnlyList<ETextSource> ETexts,
    string? LanguageName);
