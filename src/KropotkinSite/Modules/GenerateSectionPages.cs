using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Adds a section page for every top-level folder of pages that has none of its own (no <c>folder/index.md</c>),
/// so every page is reachable from the navigation whatever sections a site has.
/// </summary>
public sealed class GenerateSectionPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var urls = inputs.Select(d => d.Get<string>(ReadPageInfo.Url)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = urls.Select(Routes.SectionOf).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .Where(section => !urls.Contains("/" + section + "/"))
            .Order(StringComparer.Ordinal);
        var generated = missing.SelectMany(section =>
            new GeneratePage("/" + section + "/", PageKinds.Section, TitleOf(section)).Execute([], context));
        return [.. inputs, .. generated];
    }

    /// <summary><c>further-reading</c> → "Further reading".</summary>
    private static string TitleOf(string folder)
    {
        var words = folder.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? folder : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
