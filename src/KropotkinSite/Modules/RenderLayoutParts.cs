using Fluid;
using KropotkinSite.Engine;
using KropotkinSite.Theme;

namespace KropotkinSite.Modules;

/// <summary>
/// Lays out the parts a page's <see cref="LayoutJob"/> lists (<see cref="LayoutPart"/>: the years of the timeline,
/// the places of the places page), each on its own through the theme's layouts, and gives each such page their HTML
/// as <c>layoutParts</c> for <see cref="ApplyLayout"/>. A part is laid out again only when its model or the layouts
/// change, so an edit that touches one year of a long timeline lays out that year, not the whole page.
/// </summary>
public sealed record RenderLayoutParts(string ThemePipeline) : IModule
{
    public const string Parts = "layoutParts";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var own = inputs.Select(PartsOf).ToArray();
        var parts = own.SelectMany(static p => p).ToArray();
        if (parts.Length == 0) return inputs;
        var html = context.Derive(parts, ReadTheme.LayoutsIn(context.OutputsOf(ThemePipeline)),
            static (part, layouts) => Html(part, layouts));
        var result = new Document[inputs.Count];
        var at = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            result[i] = own[i].Count == 0
                ? inputs[i]
                : inputs[i].With(Parts, new RenderedParts(own[i], html.Skip(at).Take(own[i].Count).ToArray()));
            at += own[i].Count;
        }
        return result;
    }

    private static IReadOnlyList<LayoutPart> PartsOf(Document document) =>
        document.Get<LayoutJob>(PrepareLayouts.Job)?.Parts ?? [];

    /// <summary>A part's HTML and its bytes; null when its layout fails, so that the page lays it out again itself
    /// and reports why, as it would without parts.</summary>
    private static RenderedPart? Html(LayoutPart part, LiquidLayouts layouts)
    {
        try
        {
            return RenderedPart.Of(layouts.RenderPart(part.Layout, part.Model));
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException)
        {
            return null;
        }
    }
}
