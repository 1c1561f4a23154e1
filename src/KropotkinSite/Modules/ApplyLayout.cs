using Fluid;
using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Theme;

namespace KropotkinSite.Modules;

/// <summary>
/// Renders each document's <see cref="LayoutJob"/> (set by <see cref="PrepareLayouts"/>) through its Liquid layout,
/// and the layouts that one nests in, into its final bytes. The layouts are those of the theme pipeline; the parts
/// its layouts ask for are taken from those <see cref="RenderLayoutParts"/> laid out, their bytes as they are, and
/// where they lie in the page is kept as <c>placedParts</c> (<see cref="PlacedPart"/>), so that what reads the page
/// may read each such part on its own. The job, the parts and the Markdown's HTML are not kept once the page is
/// rendered.
/// </summary>
public sealed record ApplyLayout(string ThemePipeline) : IModule
{
    public const string LayoutFile = "layoutFile";
    public const string PlacedParts = PlacedPart.Key;

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        context.Map(inputs, ReadTheme.LayoutsIn(context.OutputsOf(ThemePipeline)), static (document, layouts, _) =>
            Render(document.Without(PrepareLayouts.Job).Without(RenderMarkdown.Html)
                    .Without(RenderLayoutParts.Parts),
                document.Require<LayoutJob>(PrepareLayouts.Job), layouts,
                document.Get<RenderedParts>(RenderLayoutParts.Parts)));

    private static Document Render(Document document, LayoutJob job, LiquidLayouts layouts, RenderedParts? parts)
    {
        if (!LiquidLayouts.IsValidName(job.Layout) || !layouts.Has(job.Layout))
        {
            var file = document.Source.Length > 0 ? document.Source : "theme";
            var problem = LiquidLayouts.IsValidName(job.Layout)
                ? $"the theme has no layout '{job.Layout}'"
                : $"'{job.Layout}' is not a layout name (names are letters, digits, '-' and '_', and stay inside the " +
                    "theme)";
            throw new ContentException(new ContentError(file, job.LayoutPosition.Line, job.LayoutPosition.Column,
                ErrorCodes.UnknownLayout, $"{problem}; use one of: {string.Join(", ", layouts.Names)}"));
        }
        try
        {
            var model = job.ModelToRender();
            var page = layouts.Render(job.Layout, model, content => model with { Content = content }, parts);
            var rendered = document.WithContent(page.Utf8).With(LayoutFile, job.Layout);
            return page.Parts.Count == 0 ? rendered : rendered.With(PlacedParts, page.Parts);
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException)
        {
            // Fluid gives one message for both of its limits, naming only recursion.
            var problem = e.Message.StartsWith("The maximum", StringComparison.Ordinal)
                ? $"it ran more than {LiquidLayouts.MaxSteps:N0} statements or nested includes too deep " +
                  "(a loop that does not end, or a partial that includes itself?)"
                : e.Message;
            throw new ContentException(new ContentError(document.Source.Length > 0 ? document.Source : "theme", 1, 1,
                ErrorCodes.TemplateError, $"layout '{job.Layout}' failed while rendering this page: {problem}"));
        }
    }
}
