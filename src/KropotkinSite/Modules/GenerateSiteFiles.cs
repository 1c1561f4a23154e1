using System.Security;
using System.Text;
using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Writes the files hosts and browsers look for: <c>robots.txt</c>, a web manifest named after the site, and,
/// when the site's absolute address is known, <c>sitemap.xml</c> listing every page (sitemaps need absolute URLs).
/// </summary>
public sealed class GenerateSiteFiles(Func<IExecutionContext, SiteSettings?> settings, string basePath, string iconPath, string[] pagePipelines) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var site = settings(context);
        var baseUrl = site?.BaseUrl;
        var pages = pagePipelines.SelectMany(context.OutputsOf).ToArray();
        var kept = context.Cache?.Recall<Made>(context.Step);
        var robots = new StringBuilder("User-agent: *\nAllow: /\n");
        var results = new List<Document>();
        if (baseUrl is not null)
        {
            // In a preview session the sitemap of the last run while every page keeps its address.
            results.Add(kept?.Sitemap is { } sitemap && kept.BaseUrl == baseUrl && SameAddresses(pages, kept.Pages) ? sitemap : Sitemap(pages, baseUrl));
            robots.Append("Sitemap: ").Append(new Uri(baseUrl, "sitemap.xml").AbsoluteUri).Append('\n');
        }
        results.Add(Document.Create("", "robots.txt", Encoding.UTF8.GetBytes(robots.ToString())));
        // Written even when _site.yml failed (that error fails the build), so no page's link to it is reported as well.
        results.Add(Document.Create("", "site.webmanifest", Manifest(site ?? SiteSettings.Default("Untitled site"))));

        // The very documents of the last run when their bytes are the same, so what follows sees no change.
        var made = results.Select(d => kept?.Files.FirstOrDefault(k => k.Destination == d.Destination && k.Content.Span.SequenceEqual(d.Content.Span)) ?? d).ToArray();
        context.Cache?.Keep(context.Step, new Made(pages, baseUrl, made.FirstOrDefault(d => d.Destination == "sitemap.xml"), made));
        return made;
    }

    /// <summary>What a preview session keeps from the last run: the pages it saw, and what it wrote for them.</summary>
    private sealed record Made(Document[] Pages, Uri? BaseUrl, Document? Sitemap, Document[] Files);

    private static bool SameAddresses(Document[] pages, Document[] before) =>
        Positions.Changed(pages, before) is { } changed
        && changed.All(i => pages[i].Get<string>(ReadPageInfo.Url) == before[i].Get<string>(ReadPageInfo.Url));

    private static Document Sitemap(IEnumerable<Document> pages, Uri baseUrl)
    {
        var urls = pages
            .Select(d => d.Get<string>(ReadPageInfo.Url))
            .OfType<string>()
            .Where(u => u.EndsWith('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in urls)
            xml.Append("  <url><loc>").Append(SecurityElement.Escape(new Uri(baseUrl, url.TrimStart('/')).AbsoluteUri)).Append("</loc></url>\n");
        xml.Append("</urlset>\n");
        return Document.Create("", "sitemap.xml", Encoding.UTF8.GetBytes(xml.ToString()));
    }

    private byte[] Manifest(SiteSettings site)
    {
        var manifest = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = site.Title,
            ["short_name"] = site.Title,
            ["description"] = site.Description,
            ["lang"] = site.Language,
            ["start_url"] = basePath,
            ["display"] = "browser",
            ["icons"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["src"] = basePath + iconPath, ["sizes"] = "any", ["type"] = "image/svg+xml",
            }),
        };
        return Encoding.UTF8.GetBytes(manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
