using Fluid;
using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>What a document needs to be rendered by a layout: which layout, where it was chosen, and the model.</summary>
/// <param name="Model">Builds the root model around some content (the page's own, then each inner layout's output).</param>
/// <param name="Signature">A hash of everything the rendered page depends on; used only by a preview session's cache.</param>
public sealed record LayoutJob(string Layout, SourcePosition LayoutPosition, Func<string?, object> Model, Func<string> Signature);

/// <summary>
/// Renders each document through its Liquid layout (and the layouts that one nests in) into its final bytes.
/// The caller prepares the jobs once it has seen every document, so layouts can show site-wide navigation.
/// </summary>
public sealed class ApplyLayout(LiquidLayouts layouts, Func<IReadOnlyList<Document>, IExecutionContext, Func<Document, LayoutJob>> prepare) : IModule
{
    public const string LayoutFile = "layoutFile";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var prepared = prepare(inputs, context);
        var jobs = new LayoutJob[inputs.Count];
        var signatures = new Dictionary<Document, string>(ReferenceEqualityComparer.Instance);
        System.Threading.Tasks.Parallel.For(0, inputs.Count, i => jobs[i] = prepared(inputs[i]));
        var jobOf = new Dictionary<Document, LayoutJob>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < inputs.Count; i++) jobOf[inputs[i]] = jobs[i];
        if (context.Cache is not null)
        {
            var computed = new string[inputs.Count];
            System.Threading.Tasks.Parallel.For(0, inputs.Count, i => computed[i] = layouts.Version + "|" + jobs[i].Layout + "|" + jobs[i].Signature());
            for (var i = 0; i < inputs.Count; i++) signatures[inputs[i]] = computed[i];
        }

        return DocumentParallel.Map(inputs, context, (document, context) =>
        {
            var job = jobOf[document];
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
                var html = layouts.Render(job.Layout, job.Model(null), content => job.Model(content));
                var rendered = document.WithContent(html).With(LayoutFile, job.Layout);
                return signatures.TryGetValue(document, out var signature) ? rendered.With(ModuleCache.Fingerprint, signature) : rendered;
            }
            catch (Exception e) when (e is FluidException or InvalidOperationException)
            {
                throw new ContentException(new ContentError(document.Source.Length > 0 ? document.Source : "theme", 1, 1, ErrorCodes.TemplateError,
                    $"layout '{job.Layout}' failed while rendering this page: {e.Message}"));
            }
        }, document => signatures.GetValueOrDefault(document));
    }
}
