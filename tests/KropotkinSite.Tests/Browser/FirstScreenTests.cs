using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Browser;

/// <summary>On a phone (390 × 844 CSS px, in Chromium) the story starts on the first screen: the header is one
/// row, and the first paragraph of text of each kind of page begins above the fold.</summary>
public sealed class FirstScreenTests
{
    private const int Width = 390;
    private const int Height = 844;
    private const double OneLine = 30; // the paragraph's first line, not just its top edge, must be on screen

    [Fact]
    [Trait("Category", "Slow")]
    public void On_a_phone_the_header_is_one_row_and_the_first_paragraph_starts_on_the_first_screen()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully();
        var screens = SiteCheckers.FirstScreens(site.Output, Width, Height,
            "/", "/life/siberia/", "/works/mutual-aid/", "/works/", "/timeline/");
        Assert.Equal(5, screens.Count);
        foreach (var screen in screens)
        {
            Assert.True(screen.Header is > 0 and <= 64, $"{screen.Page}: the header is {screen.Header} px tall");
            Assert.True(screen.ParagraphTop is { } top && top + OneLine <= Height,
                $"{screen.Page}: the first paragraph (\"{screen.Paragraph}\") starts at {screen.ParagraphTop} px, " +
                $"below the first screen of {Height} px");
        }
    }
}
