using KropotkinSite.Content;

namespace KropotkinSite.Theme;

/// <summary>What a document needs to be rendered by a layout: which layout, where it was chosen, and the model.</summary>
/// <param name="Model">Builds the root model around some content (the page's own, then each inner layout's output).</param>
/// <param name="Signature">A hash of everything the rendered page depends on; used only by a preview session's cache.</param>
public sealed record LayoutJob(string Layout, SourcePosition LayoutPosition, Func<string?, object> Model, Func<string> Signature);
