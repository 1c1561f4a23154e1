using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Browser;

/// <summary>The Nu Html Checker finds no error in any page, stylesheet or SVG file of the project's own site.</summary>
[Trait("Category", "Slow")]
public sealed class HtmlValidatorTests
{
    [Fact]
    public void Every_page_stylesheet_and_svg_of_the_site_is_valid_when_built_for_the_root()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully();
        var report = SiteCheckers.Validate(site.Output);
        Assert.True(report.Violations.Count == 0, report.Describe());
    }

    [Fact]
    public void Every_page_stylesheet_and_svg_of_the_site_is_valid_when_built_under_a_base_path()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully("--base-path", "/kropotkin/");
        var report = SiteCheckers.Validate(site.Output);
        Assert.True(report.Violations.Count == 0, report.Describe());
    }
}
