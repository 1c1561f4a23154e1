using KropotkinSite.Content;

namespace KropotkinSite.Theme;

/// <summary>What a page's layout is given: which layout (and where the page chose it), the model it shows, the
/// parts of it its layout renders with the <c>layout</c> filter (<see cref="LayoutPart"/>), and the page's own HTML
/// as UTF-8 (as characters it would take twice the memory), which becomes the model's content only while the page
/// is laid out (<see cref="ModelToRender"/>), as the very bytes. A page is laid out again exactly when this
/// changes, or the layouts do; a part, when its own model does.</summary>
public sealed record LayoutJob(string Layout, SourcePosition LayoutPosition, LayoutModel Model,
    IReadOnlyList<LayoutPart> Parts, byte[] Html)
{
    public LayoutModel ModelToRender() => Model.WithContent(ContentValue.OfUtf8(Html));
}
