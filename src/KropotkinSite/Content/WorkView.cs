namespace KropotkinSite.Content;

/// <summary>The facts of a work as its page shows them.</summary>
public sealed record WorkView(Work Work, string KindName, LinkView? Previous, LinkView? Next, IReadOnlyList<ETextSource> ETexts);
