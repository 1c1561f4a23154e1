using KropotkinSite.Content;

namespace KropotkinSite.Theme;

/// <summary>What a page's layout is given: which layout (and where the page chose it), and the model it shows.
/// A page is laid out again exactly when this changes, or the layouts do.</summary>
public sealed record LayoutJob(string Layout, SourcePosition LayoutPosition, LayoutModel Model);
