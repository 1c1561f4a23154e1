using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Browser;

/// <summary>
/// The built site served by a real web server, Debian's nginx, with the configurations kept in deploy/nginx/
/// (the ones docs/hosting.md tells a host to use), at the root and under /kropotkin/: every page and file
/// answers 200 with netlify.toml's headers, and a missing address gives the site's 404.html with status 404.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StaticHostTests
{
    [Fact]
    public async Task Nginx_serves_every_page_of_the_site_at_the_root_with_the_security_headers_and_its_404_page()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully();
        using var nginx = NginxServer.Start("site.conf", site.Output);
        var report = await SiteCrawler.CrawlAsync(nginx.Address, "/", site.Output);
        Assert.True(report.Problems.Count == 0, report.Describe());
        Assert.True(report.Fetched.Count > 40, report.Describe());
        Assert.Contains("/assets/", string.Join('\n', report.Fetched));
    }

    [Fact]
    public async Task Nginx_serves_every_page_of_the_site_under_a_subfolder_with_the_security_headers_and_its_404_page()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully("--base-path", "/kropotkin/", "--base-url", "https://example.org/kropotkin/");
        var webRoot = Path.Combine(site.Root, "www");
        TestSite.CopyDirectory(site.Output, Path.Combine(webRoot, "kropotkin"));
        using var nginx = NginxServer.Start("site-in-subfolder.conf", webRoot);
        var report = await SiteCrawler.CrawlAsync(nginx.Address, "/kropotkin/", site.Output);
        Assert.True(report.Problems.Count == 0, report.Describe());
        Assert.True(report.Fetched.Count > 40, report.Describe());
    }

    [Fact]
    public async Task The_crawl_fails_on_a_planted_broken_link_and_a_missing_stylesheet()
    {
        using var site = TestSite.Minimal();
        site.BuildSuccessfully();
        var home = Path.Combine(site.Output, "index.html");
        var planted = "<p><a href=\"/nowhere/\">gone</a></p></main>";
        File.WriteAllText(home, File.ReadAllText(home).Replace("</main>", planted, StringComparison.Ordinal));
        var stylesheet = Directory.GetFiles(Path.Combine(site.Output, "assets"), "site.*.css").Single();
        File.Delete(stylesheet);
        using var nginx = NginxServer.Start("site.conf", site.Output);
        var report = await SiteCrawler.CrawlAsync(nginx.Address, "/", site.Output);
        Assert.Contains("/nowhere/ (from /): status 404", report.Problems);
        Assert.Contains($"/assets/{Path.GetFileName(stylesheet)} (from /): status 404", report.Problems);
        Assert.Equal(2, report.Problems.Count);
    }

    [Fact]
    public async Task The_crawl_fails_when_the_server_leaves_out_a_header_of_netlify_toml()
    {
        using var site = TestSite.Minimal();
        site.BuildSuccessfully();
        using var nginx = NginxServer.Start("site.conf", site.Output, config =>
            config.Replace("add_header X-Content-Type-Options \"nosniff\" always;", "", StringComparison.Ordinal));
        var report = await SiteCrawler.CrawlAsync(nginx.Address, "/", site.Output);
        Assert.Contains("/: header X-Content-Type-Options is missing, expected 'nosniff'", report.Problems);
    }
}
