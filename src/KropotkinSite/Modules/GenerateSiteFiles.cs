using System.Security;
using System.Text;
using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Writes the files hosts and browsers look for: <c>robots.txt</c>, a web manifest named after the site, and,
/// when the site's absolute address is known, <c>sitemap.xml</c> listing every page (sitemaps need absolute URLs).
/// </summary>
public sealed record GenerateSiteFiles(string DataPipeline, string BasePath, string IconPath,
    IReadOnlyList<string> PagePipelines) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var site = ReadSiteModel.SettingsIn(context.OutputsOf(DataPipeline));
        var baseUrl = site?.BaseUrl;
        var robots = new StringBuilder("User-agent: *\nAllow: /\n");
        var results = new List<Document>();
        if (baseUrl is not null)
        {
            var pages = PagePipelines.SelectMany(context.OutputsOf).ToArray();
            var urls = context.Derive(pages, static d => d.Get<string>(ReadPageInfo.Url));
            results.Add(context.Compute((urls, baseUrl), static page => Sitemap(page.urls, page.baseUrl)));
            robots.Append("Sitemap: ").Append(new Uri(baseUrl, "sitemap.xml").AbsoluteUri).Append('\n');
        }
        results.Add(Document.Create("", "robots.txt", Encoding.UTF8.GetBytes(robots.ToString())));
        // Written even when _site.yml failed (that error fails the build), so no page's link to it is reported as well.
        results.Add(Document.Create("", "site.webmanifest", Manifest(site ?? SiteSettings.Default("Untitled site"))));
        return results;
    }

    private static Document Sitemap(IEnumerable<string?> addresses, Uri baseUrl)
    {
        var urls = addresses
            .OfType<string>()
            .Where(u => u.EndsWith('/'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset " +
            "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var url in urls)
            xml.Append("  <url><loc>").Append(SecurityElement.Escape(new Uri(baseUrl,
                url.TrimStart('/')).AbsoluteUri)).Append("</loc></url>\n");
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
            ["start_url"] = BasePath,
            ["display"] = "browser",
            ["icons"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["src"] = BasePath + IconPath, ["sizes"] = "any", ["type"] = "image/svg+xml",
            }),
        };
        return Encoding.UTF8.GetBytes(
            manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
