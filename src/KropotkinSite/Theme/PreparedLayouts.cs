using KropotkinSite.Engine;

namespace KropotkinSite.Theme;

/// <summary>What rendering needs once every document is known: each document's job, and a key of the site-wide
/// parts they are rendered from. For a preview session: under the same key, a page rendered last run renders the
/// same, but for those in <paramref name="Recheck"/>, which show something of an edited page.</summary>
public sealed record PreparedLayouts(Func<Document, LayoutJob> Job, string SiteKey, IReadOnlySet<Document> Recheck);
