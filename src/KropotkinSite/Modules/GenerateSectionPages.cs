using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Adds a section page for every top-level folder of pages that has none of its own (no <c>folder/index.md</c>),
/// so every page is reachable from the navigation whatever sections a site has.
/// </summary>
public sealed record GenerateSectionPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var urls = context.Derive(inputs, static d => d.Get<string>(ReadPageInfo.Url));
        return [.. inputs, .. context.Compute(urls, SectionPages)];
    }

    private static Document[] SectionPages(IReadOnlyList<string?> addresses)
    {
        var urls = addresses.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return urls.Select(Routes.SectionOf).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .Where(section => !urls.Contains("/" + section + "/"))
            .Order(StringComparer.Ordinal)
            .Select(section => GeneratePage.Create("/" + section + "/", PageKinds.Section, TitleOf(section)))
            .ToArray();
    }

    /// <summary><c>further-reading</c> → "Further reading".</summary>
    private static string TitleOf(string folder)
    {
        var words = folder.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? folder : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
