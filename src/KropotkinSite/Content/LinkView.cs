namespace KropotkinSite.Content;

/// <summary>A link as templates show it: <c>Href</c> already carries the base path.</summary>
/// <param name="Current">The value of <c>aria-current</c>: "page" for the page itself, "true" for its section; null
/// otherwise.</param>
public sealed record LinkView(string Title, string Href, string? Current = null, string? Summary = null);
