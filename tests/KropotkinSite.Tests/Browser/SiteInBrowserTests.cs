using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Browser;

/// <summary>
/// The project's own site, built from input/ and served the way a static host serves it (with netlify.toml's
/// headers), checked page by page in Debian's Chromium: every page reachable from the home page, no broken
/// link or fragment, no axe-core WCAG 2.2 A/AA violation in the light or the dark scheme, no sideways
/// scrolling at 320 px, nothing the Content-Security-Policy blocks, and no request to another host.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SiteInBrowserTests
{
    [Fact]
    public void The_site_served_from_the_root_has_no_accessibility_link_or_csp_violation_in_light_or_dark()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully();
        // The home page's schema.org data block is data, not script: the CSP must leave it alone and so must the check.
        Assert.Contains("<script type=\"application/ld+json\">", site.ReadOutput("index.html"));
        var report = SiteCheckers.CheckSite(site.Output, "/");
        Assert.True(report.Violations.Count == 0, report.Describe());
    }

    [Fact]
    public void The_site_served_under_a_base_path_has_no_accessibility_link_or_csp_violation_in_light_or_dark()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully("--base-path", "/kropotkin/");
        var report = SiteCheckers.CheckSite(site.Output, "/kropotkin/");
        Assert.True(report.Violations.Count == 0, report.Describe());
    }

    [Fact]
    public void Long_code_lines_wide_images_and_tables_fit_a_320_px_screen_without_violations()
    {
        using var site = TestSite.Minimal();
        var longLine = string.Join('_', Enumerable.Repeat("mutual-aid", 20));
        site.Write("index.md", "---\ntitle: Home\ndescription: Wide things on a narrow screen.\n---\n" +
                               "```\n" + longLine + "\n```\n\n" +
                               "<img src=\"/wide.svg\" width=\"1200\" height=\"300\" alt=\"A wide picture\">\n\n" +
                               "| Year | Work | Place |\n|---|---|---|\n| 1902 | Mutual Aid: A Factor of Evolution | " +
                               "London |\n");
        site.Write("wide.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1200 300\"><rect width=\"1200\" height=\"300\" " +
            "fill=\"#888\"/></svg>");
        site.BuildSuccessfully();
        var report = SiteCheckers.CheckSite(site.Output);
        Assert.True(report.Violations.Count == 0, report.Describe());
    }
}
