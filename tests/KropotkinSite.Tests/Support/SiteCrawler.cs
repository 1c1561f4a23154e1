using System.Net;

namespace KropotkinSite.Tests.Support;

/// <summary>What a crawl of a served site found: the addresses it fetched and every problem, one line each.</summary>
public sealed record CrawlReport(IReadOnlyList<string> Fetched, IReadOnlyList<string> Problems)
{
    public string Describe() =>
        $"{Fetched.Count} addresses fetched, {Problems.Count} problem(s):\n  " + string.Join("\n  ", Problems.Take(60));
}

/// <summary>
/// Crawls a site served over HTTP the way a visitor's browser would load it: from the home page, every link,
/// stylesheet, script, icon and image on the same host, each of which must answer 200 with the headers
/// netlify.toml asks for (by path under the base path). Then every file of the output folder is fetched at its
/// address too, so a page no link reaches is still checked, each with the media type its extension calls for;
/// and a missing address must give the site's 404.html with status 404.
/// </summary>
public static class SiteCrawler
{
    private static readonly Dictionary<string, string[]> MediaTypes = new(StringComparer.Ordinal)
    {
        [""] = ["text/html"],
        [".html"] = ["text/html"],
        [".css"] = ["text/css"],
        [".svg"] = ["image/svg+xml"],
        [".js"] = ["application/javascript", "text/javascript"],
        [".xml"] = ["application/xml", "text/xml"],
        [".txt"] = ["text/plain"],
        [".webmanifest"] = ["application/manifest+json"],
    };

    private static readonly string LinkAttributes = "a[href], link[href], img[src], script[src], source[src]";

    public static async Task<CrawlReport> CrawlAsync(Uri server, string basePath, string output)
    {
        var headerRules = NetlifyHeaders.Read(SiteCheckers.NetlifyToml);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var problems = new List<string>();
        var fetched = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Path, string From)>();
        void Enqueue(string path, string from)
        {
            if (seen.Add(path)) queue.Enqueue((path, from));
        }

        Enqueue(basePath, "the start");
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
            if (relative == "404.html") continue; // served for missing addresses, below
            var isIndex = relative == "index.html" || relative.EndsWith("/index.html", StringComparison.Ordinal);
            var address = isIndex ? relative[..^"index.html".Length] : relative;
            Enqueue(basePath + string.Join('/', address.Split('/').Select(Uri.EscapeDataString)), "the output folder");
        }
        while (queue.TryDequeue(out var next))
        {
            using var response = await client.GetAsync(new Uri(server, next.Path));
            fetched.Add(next.Path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{next.Path} (from {next.From}): status {(int)response.StatusCode}");
                continue;
            }
            CheckHeaders(response, next.Path, basePath, headerRules, problems);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (MediaTypes.TryGetValue(Path.GetExtension(next.Path), out var expected) && !expected.Contains(mediaType))
                problems.Add($"{next.Path}: served as {mediaType ?? "no type"}, " +
                             $"expected {string.Join(" or ", expected)}");
            if (mediaType != "text/html") continue;
            var page = Html.Parse(body);
            foreach (var element in page.QuerySelectorAll(LinkAttributes))
            {
                var value = element.GetAttribute("href") ?? element.GetAttribute("src") ?? "";
                var target = new Uri(new Uri(server, next.Path), value);
                // Another host: check-site.mjs reports those.
                if (target.Scheme is not ("http" or "https") || target.Authority != server.Authority) continue;
                Enqueue(target.AbsolutePath, next.Path);
            }
        }

        var missing = basePath + "no-such-page-" + Guid.NewGuid().ToString("N") + "/";
        using (var notFound = await client.GetAsync(new Uri(server, missing)))
        {
            fetched.Add(missing);
            if (notFound.StatusCode != HttpStatusCode.NotFound)
                problems.Add($"{missing}: status {(int)notFound.StatusCode}, expected 404");
            if (await notFound.Content.ReadAsStringAsync() != File.ReadAllText(Path.Combine(output, "404.html")))
                problems.Add($"{missing}: the body is not the site's 404.html");
            CheckHeaders(notFound, missing, basePath, headerRules, problems);
        }
        return new CrawlReport(fetched, problems);
    }

    private static void CheckHeaders(HttpResponseMessage response, string path, string basePath,
        IReadOnlyList<HeaderRule> rules, List<string> problems)
    {
        foreach (var (name, expected) in NetlifyHeaders.For(rules, "/" + path[basePath.Length..]))
        {
            var found = response.Headers.TryGetValues(name, out var values)
                        || response.Content.Headers.TryGetValues(name, out values);
            var sent = found ? string.Join(", ", values!) : null;
            if (sent != expected)
                problems.Add($"{path}: header {name} is {(sent is null ? "missing" : $"'{sent}'")}, " +
                             $"expected '{expected}'");
        }
    }
}
