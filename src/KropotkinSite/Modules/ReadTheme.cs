using KropotkinSite.Engine;
using KropotkinSite.Theme;

namespace KropotkinSite.Modules;

/// <summary>
/// Reads the theme's Liquid layouts and partials (those of <c>input/</c> replacing the theme's) into one document
/// that carries them as <c>layouts</c>, and reports what is wrong with them.
/// </summary>
public sealed record ReadTheme(string ThemeRoot, string InputRoot) : IModule
{
    public const string Layouts = "layouts";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var errors = new List<ContentError>();
        var layouts = new LiquidLayouts(new ThemeFiles(ThemeRoot, InputRoot, context.Files), errors, context.Files);
        foreach (var error in errors) context.Report(error);
        return [Document.Create("", "", ReadOnlyMemory<byte>.Empty).With(Layouts, layouts)];
    }

    /// <summary>The layouts among a theme pipeline's documents.</summary>
    public static LiquidLayouts LayoutsIn(IReadOnlyList<Document> theme) =>
        theme.Select(d => d.Get<LiquidLayouts>(Layouts)).OfType<LiquidLayouts>().Single();
}
