using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Browser;

/// <summary>
/// The checkers that the site's own tests rely on do fail on a faulty page: tiny sites with one planted fault
/// each, built with the real theme, and (for faults the generator itself refuses) output folders altered after
/// the build.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CheckersCatchViolationsTests
{
    private static TestSite SiteWithHomePage(string markdownBody)
    {
        var site = TestSite.Minimal();
        site.Write("index.md",
            "---\ntitle: Home\ndescription: A tiny site with one fault.\n---\n" + markdownBody + "\n");
        return site;
    }

    [Fact]
    public void Axe_reports_an_image_without_alt_text_in_both_colour_schemes_and_at_phone_width()
    {
        using var site = SiteWithHomePage("A picture:\n\n<img src=\"/picture.svg\" width=\"40\" height=\"40\">\n");
        site.Write("picture.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>");
        site.BuildSuccessfully();
        var report = SiteCheckers.CheckSite(site.Output);
        var imageAlt = report.Violations.Where(v => v.Kind == "axe" && v.Rule == "image-alt").ToList();
        Assert.True(imageAlt.Count == 3, report.Describe());
        Assert.Contains(imageAlt, v => v.Where == "/ (light)");
        Assert.Contains(imageAlt, v => v.Where == "/ (dark)");
        Assert.Contains(imageAlt, v => v.Where == "/ (dark, 320 px)");
    }

    [Fact]
    public void The_html_checker_reports_a_duplicate_id()
    {
        using var site = SiteWithHomePage("<p id=\"twice\">One.</p>\n\n<p id=\"twice\">Two.</p>\n");
        site.BuildSuccessfully();
        var report = SiteCheckers.Validate(site.Output);
        Assert.True(report.Violations.Any(v => v.Where.StartsWith("index.html", StringComparison.Ordinal)
            && v.Text.Contains("Duplicate ID", StringComparison.Ordinal)), report.Describe());
    }

    [Fact]
    public void The_html_checker_reports_a_stylesheet_error()
    {
        using var site = TestSite.Minimal();
        var css = File.ReadAllText(Path.Combine(Repository.Theme, "assets", "site.css"));
        site.Write("assets/site.css", css + "\n.broken { colr: red; }\n");
        site.BuildSuccessfully();
        var report = SiteCheckers.Validate(site.Output);
        Assert.True(report.Violations.Any(v => v.Where.StartsWith("assets/site.", StringComparison.Ordinal)
            && v.Text.Contains("colr", StringComparison.Ordinal)), report.Describe());
    }

    [Fact]
    public void The_crawl_reports_a_broken_link_a_missing_fragment_an_unreachable_page_and_a_request_to_another_host()
    {
        using var site = TestSite.Minimal();
        site.BuildSuccessfully();
        var home = Path.Combine(site.Output, "index.html");
        var planted = "<p><a href=\"/nowhere/\">gone</a> <a href=\"/#no-such-heading\">lost</a></p>" +
                      "<img alt=\"remote\" src=\"https://cdn.example.invalid/picture.png\">";
        File.WriteAllText(home,
            File.ReadAllText(home).Replace("<main id=\"main\" tabindex=\"-1\">",
            "<main id=\"main\" tabindex=\"-1\">" + planted, StringComparison.Ordinal));
        File.Copy(home, Path.Combine(site.Output, "orphan.html"));
        var report = SiteCheckers.CheckSite(site.Output, headers: false);
        var text = report.Describe();
        Assert.True(report.Violations.Any(v => v.Kind == "broken-link"
            && v.Text.Contains("/nowhere/", StringComparison.Ordinal)), text);
        Assert.True(report.Violations.Any(v => v.Kind == "broken-fragment"
            && v.Text.Contains("#no-such-heading", StringComparison.Ordinal)), text);
        Assert.True(report.Violations.Any(v => v.Kind == "unreachable" && v.Where == "orphan.html"), text);
        Assert.True(report.Violations.Any(v => v.Kind == "external-request"
            && v.Text.Contains("cdn.example.invalid", StringComparison.Ordinal)), text);
    }

    [Fact]
    public void Inline_styles_and_scripts_are_reported_and_the_netlify_csp_blocks_them()
    {
        using var site = SiteWithHomePage("<p style=\"color: red\">Styled in place.</p>\n\n<script>document.title = " +
            "'changed';</script>\n");
        site.BuildSuccessfully();
        var report = SiteCheckers.CheckSite(site.Output);
        var text = report.Describe();
        Assert.True(report.Violations.Any(v => v.Kind == "inline-style"), text);
        Assert.True(report.Violations.Any(v => v.Kind == "inline-script"), text);
        Assert.True(report.Violations.Any(v => v.Kind == "csp-violation"
            && v.Text.Contains("style-src", StringComparison.Ordinal)), text);
        Assert.True(report.Violations.Any(v => v.Kind == "csp-violation"
            && v.Text.Contains("script-src", StringComparison.Ordinal)), text);
    }

    [Fact]
    public void The_reflow_check_reports_content_wider_than_a_320_px_screen()
    {
        using var site = SiteWithHomePage("<label>Search <input size=\"90\"></label>\n");
        site.BuildSuccessfully();
        var report = SiteCheckers.CheckSite(site.Output);
        Assert.True(report.Violations.Any(v => v.Kind == "reflow" && v.Where == "/"
            && v.Text.Contains("<input", StringComparison.Ordinal)), report.Describe());
    }
}
