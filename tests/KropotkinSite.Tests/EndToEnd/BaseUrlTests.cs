using System.Xml.Linq;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// <c>--base-url</c> gives the site its published address (as a host passes it for each deploy): every page's
/// canonical link and og:url, the sitemap (every page, absolute) and robots.txt's Sitemap line use it, over
/// <c>base_url</c> in <c>_site.yml</c>, at the root and under a subfolder.
/// </summary>
public sealed class BaseUrlTests
{
    private static TestSite OwnSiteWithSettingsAddress()
    {
        var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        var settings = Path.Combine(site.Input, "_site.yml");
        File.WriteAllText(settings, File.ReadAllText(settings) + "\nbase_url: https://settings.example.net/\n");
        return site;
    }

    [Theory]
    [InlineData("https://kropotkin.example.org/", "/", "https://kropotkin.example.org/")]
    [InlineData("https://kropotkin.example.org", "/", "https://kropotkin.example.org/")]
    [InlineData("https://example.org/kropotkin/", "/kropotkin/", "https://example.org/kropotkin/")]
    public void Canonical_links_og_url_the_sitemap_and_robots_txt_use_the_address_given_on_the_command_line(
        string baseUrl, string basePath, string expectedRoot)
    {
        using var site = OwnSiteWithSettingsAddress();
        site.BuildSuccessfully("--base-path", basePath, "--base-url", baseUrl);

        var pages = PageAddresses(site.Output, expectedRoot);
        Assert.True(pages.Count > 30, $"expected the whole site, found {pages.Count} pages");
        foreach (var (file, address) in pages)
        {
            var page = site.Page(file);
            Assert.Equal(address, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.Equal(address, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        }

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = XDocument.Parse(site.ReadOutput("sitemap.xml"));
        var listed = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Equal(pages.Values.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Contains($"Sitemap: {expectedRoot}sitemap.xml\n", site.ReadOutput("robots.txt"));
        foreach (var file in new[] { "robots.txt", "sitemap.xml", "index.html" })
            Assert.DoesNotContain("settings.example.net", site.ReadOutput(file));
    }

    [Fact]
    public void Without_the_option_the_address_in_the_settings_is_used()
    {
        using var site = OwnSiteWithSettingsAddress();
        site.BuildSuccessfully();
        var canonical = site.Page("life/index.html").QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        Assert.Equal("https://settings.example.net/life/", canonical);
        Assert.Contains("Sitemap: https://settings.example.net/sitemap.xml\n", site.ReadOutput("robots.txt"));
    }

    [Theory]
    [InlineData("kropotkin.example.org", "/", "absolute http or https address")]
    [InlineData("/kropotkin/", "/kropotkin/", "absolute http or https address")]
    [InlineData("ftp://example.org/", "/", "absolute http or https address")]
    [InlineData("https://example.org/?page=1", "/", "absolute http or https address")]
    [InlineData("https://example.org/", "/kropotkin/", "--base-path /kropotkin/")]
    [InlineData("https://example.org/kropotkin/", "/", "--base-path /")]
    public void An_address_that_is_not_absolute_http_or_not_where_the_site_is_served_is_bad_usage_naming_the_option(
        string baseUrl, string basePath, string explanation)
    {
        using var site = TestSite.Minimal();
        var run = site.Build("--base-path", basePath, "--base-url", baseUrl);
        Assert.Equal(2, run.ExitCode);
        var firstLine = run.Stderr.Split('\n')[0];
        Assert.StartsWith("error: --base-url", firstLine);
        Assert.Contains(explanation, firstLine);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Preview_takes_the_address_too()
    {
        Assert.True(CommandLine.TryParse(["preview", "--input", Repository.Input, "--theme", Repository.Theme,
            "--output", Path.Combine(Path.GetTempPath(), "ks-unused-" + Guid.NewGuid().ToString("N")),
            "--base-url", "https://example.org/"], out var parsed, out var problem), problem);
        Assert.Equal("preview", parsed!.Command);
        Assert.Equal(new Uri("https://example.org/"), parsed.Build.BaseUrl);
    }

    /// <summary>Every page written (each <c>index.html</c>; not 404.html) with the absolute address it is
    /// published at.</summary>
    private static Dictionary<string, string> PageAddresses(string output, string root) =>
        Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .ToDictionary(f => f, f => root + f[..^"index.html".Length]);
}
