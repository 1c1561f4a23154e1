using Fluid;
using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Theme;

namespace KropotkinSite.Modules;

/// <summary>
/// Renders each document through its Liquid layout (and the layouts that one nests in) into its final bytes.
/// The caller prepares the jobs once it has seen every document, so layouts can show site-wide navigation.
/// </summary>
public sealed class ApplyLayout(LiquidLayouts layouts, Func<IReadOnlyList<Document>, IExecutionContext, PreparedLayouts> prepare) : IModule
{
    public const string LayoutFile = "layoutFile";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var prepared = prepare(inputs, context);
        var jobs = new System.Collections.Concurrent.ConcurrentDictionary<Document, LayoutJob>(ReferenceEqualityComparer.Instance);
        LayoutJob JobOf(Document document) => jobs.GetOrAdd(document, prepared.Job);

        return DocumentParallel.Map(inputs, context,
            (document, _) => Render(document, JobOf(document)),
            document => layouts.Version + "|" + JobOf(document).Layout + "|" + JobOf(document).Signature(),
            layouts.Version + "|" + prepared.SiteKey, prepared.Recheck);
    }

    private Document Render(Document document, LayoutJob job)
    {
        if (!LiquidLayouts.IsValidName(job.Layout) || !layouts.Has(job.Layout))
        {
            var file = document.Source.Length > 0 ? document.Source : "theme";
            var problem = LiquidLayouts.IsValidName(job.Layout)
                ? $"the theme has no layout '{job.Layout}'"
                : $"'{job.Layout}' is not a layout name (names are letters, digits, '-' and '_', and stay inside the theme)";
            throw new ContentException(new ContentError(file, job.LayoutPosition.Line, job.LayoutPosition.Column, ErrorCodes.UnknownLayout,
                $"{problem}; use one of: {string.Join(", ", layouts.Names)}"));
        }
        try
        {
            var page = layouts.Render(job.Layout, job.Model(null), content => job.Model(content));
            return document.WithContent(page).With(LayoutFile, job.Layout);
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException)
        {
            // Fluid gives one message for both of its limits, naming only recursion.
            var problem = e.Message.StartsWith("The maximum", StringComparison.Ordinal)
                ? $"it ran more than {LiquidLayouts.MaxSteps:N0} statements or nested includes too deep (a loop that does not end, or a partial that includes itself?)"
                : e.Message;
            throw new ContentException(new ContentError(document.Source.Length > 0 ? document.Source : "theme", 1, 1, ErrorCodes.TemplateError,
                $"layout '{job.Layout}' failed while rendering this page: {problem}"));
        }
    }
}
