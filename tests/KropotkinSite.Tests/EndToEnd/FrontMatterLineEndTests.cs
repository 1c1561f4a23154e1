using System.Text;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// A page's front matter is split from its body the same way whatever its line ends, byte-order mark or blanks
/// after the fences: the same title and body, and a mistake in the body reported at the same line.
/// </summary>
public sealed class FrontMatterLineEndTests
{
    private const string Page =
        "---\ntitle: Siberia é\n---   \nFirst paragraph.\n\n## Escape\n\nSee [there](/nowhere/).\n";

    public static TheoryData<string, byte[]> Variants => new()
    {
        { "LF", Encoding.UTF8.GetBytes(Page) },
        { "CRLF", Encoding.UTF8.GetBytes(Page.Replace("\n", "\r\n")) },
        { "bare CR", Encoding.UTF8.GetBytes(Page.Replace("\n", "\r")) },
        { "byte-order mark", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Page)] },
        { "no-break space after a fence", Encoding.UTF8.GetBytes(Page.Replace("---   \n", "---\u00A0\t\n")) },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_page_splits_alike_and_its_body_keeps_its_line_numbers(string variant, byte[] bytes)
    {
        using var site = TestSite.Minimal();
        site.WriteBytes("life/siberia.md", bytes);
        var broken = site.Build();
        Assert.True(broken.ExitCode == 1, variant);
        Assert.Contains("siberia.md(8,5): error KS0011", broken.Stderr, StringComparison.Ordinal);

        site.WriteBytes("life/siberia.md", Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(bytes).Replace("/nowhere/", "#escape", StringComparison.Ordinal)));
        site.BuildSuccessfully();
        var page = site.Page("life/siberia/index.html");
        Assert.Equal(["Siberia é"], page.Texts("h1"));
        Assert.Equal(["First paragraph."], page.Texts("article.prose > p").Take(1));
        Assert.Contains("Escape", page.Texts("h2"));
    }

    [Fact]
    public void A_fence_followed_by_text_is_no_fence()
    {
        using var site = TestSite.Minimal();
        site.Write("life/siberia.md", "---\ntitle: Siberia\n--- not yet\n");
        var run = site.Build();
        Assert.Contains("siberia.md(1,1): error KS0003", run.Stderr, StringComparison.Ordinal);
    }
}
