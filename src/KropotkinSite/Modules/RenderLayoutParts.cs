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
        // Which pages have parts is derived, so that after an edit only the pages it changed are looked into: on a
        // large site, reading every page's job once more costs more than the rest of this step.
        var own = context.Derive(inputs, static d => PartsOf(d));
        var pages = Enumerable.Range(0, inputs.Count).Where(i => own[i] is not null).ToArray();
        if (pages.Length == 0) return inputs;
        var parts = pages.SelectMany(i => own[i]!).ToArray();
        var html = context.Derive(parts, ReadTheme.LayoutsIn(context.OutputsOf(ThemePipeline)),
            static (part, layouts) => Html(part, layouts));
        var withParts = new (Document Page, RenderedParts Parts)[pages.Length];
        var at = 0;
        for (var p = 0; p < pages.Length; p++)
        {
            var pageParts = own[pages[p]]!;
            var rendered = html.Skip(at).Take(pageParts.Count).ToArray();
            withParts[p] = (inputs[pages[p]], new RenderedParts(pageParts, rendered));
            at += pageParts.Count;
        }
        // Through Derive too, so that a page whose parts' HTML is last run's is last run's very document.
        var given = context.Derive(withParts, static page => page.Page.With(Parts, page.Parts));
        var result = inputs.ToArray();
        for (var p = 0; p < pages.Length; p++) result[pages[p]] = given[p];
        return result;
    }

    /// <summary>The parts a page's job lists; null when it lists none.</summary>
    private static IReadOnlyList<LayoutPart>? PartsOf(Document document) =>
        document.Get<LayoutJob>(PrepareLayouts.Job)?.Parts is { Count: > 0 } parts ? parts : null;

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
