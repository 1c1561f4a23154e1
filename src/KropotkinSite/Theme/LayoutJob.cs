using KropotkinSite.Content;

namespace KropotkinSite.Theme;

/// <summary>What a page's layout is given: which layout (and where the page chose it), the model it shows, and the
/// parts of it its layout renders with the <c>layout</c> filter (<see cref="LayoutPart"/>). A page is laid out again
/// exactly when this changes, or the layouts do; a part, when its own model does.</summary>
public sealed record LayoutJob(string Layout, SourcePosition LayoutPosition, LayoutModel Model,
    IReadOnlyList<LayoutPart> Parts);
