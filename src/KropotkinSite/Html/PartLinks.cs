namespace KropotkinSite.Html;

/// <summary>What <see cref="HtmlLinks.ReadPart"/> read of a part of a page: its ids (each once, in the order they
/// first come) and its links (in order), and whether it ended in plain text, so that reading the page may take this
/// for the part.</summary>
public sealed record PartLinks(IReadOnlyList<string> Ids, IReadOnlyList<string> Links, bool EndsInText);
