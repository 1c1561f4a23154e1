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
        // In a preview session, documents at the same addresses as last run need the same section pages.
        var last = context.Cache?.Recall<Generated>(context.Step);
        var urls = new string?[inputs.Count];
        var changed = Positions.Changed(inputs, last?.Inputs);
        if (changed is not null)
        {
            Array.Copy(last!.Urls, urls, urls.Length);
            foreach (var i in changed) urls[i] = inputs[i].Get<string>(ReadPageInfo.Url);
        }
        else
            for (var i = 0; i < inputs.Count; i++) urls[i] = inputs[i].Get<string>(ReadPageInfo.Url);

        var generated = changed is not null && changed.All(i => urls[i] == last!.Urls[i]) ? last!.Pages : SectionPages(urls, context);
        context.Cache?.Keep(context.Step, new Generated([.. inputs], urls, generated));
        return [.. inputs, .. generated];
    }

    private sealed record Generated(Document[] Inputs, string?[] Urls, Document[] Pages);

    private static Document[] SectionPages(string?[] addresses, IExecutionContext context)
    {
        var urls = addresses.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = urls.Select(Routes.SectionOf).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .Where(section => !urls.Contains("/" + section + "/"))
            .Order(StringComparer.Ordinal);
        return missing.SelectMany(section =>
            new GeneratePage("/" + section + "/", PageKinds.Section, TitleOf(section)).Execute([], context)).ToArray();
    }

    /// <summary><c>further-reading</c> → "Further reading".</summary>
    private static string TitleOf(string folder)
    {
        var words = folder.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? folder : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
