using KropotkinSite.Markdown;
using Markdig;

namespace KropotkinSite.Tests.Markdown;

public sealed class LinksAndHeadingsTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseFootnotes().UsePipeTables().UseAutoIdentifiers().Build();

    [Fact]
    public void Links_and_headings_are_found_in_document_order_wherever_they_stand()
    {
        var markdown = """
            # One [a](/a)

            - item [b](/b)
              > quoted *[c](/c)*

            | h | [d](/d) |
            |---|---|
            | [![e](/e.png)](/f) | x |

            ## Two

            text[^1] [g](/g)

            [^1]: note [h](/h)
            """;
        var found = LinksAndHeadings.Of(Markdig.Markdown.Parse(markdown, Pipeline));
        Assert.Equal(["/a", "/b", "/c", "/d", "/f", "/e.png", "/g", "/h"], found.Links.Select(l => l.Url));
        Assert.Equal([1, 2], found.Headings.Select(h => h.Level));
    }

    [Fact]
    public void Emphasis_nested_thousands_deep_is_walked_without_recursing()
    {
        var stars = new string('*', 20_000);
        var markdown = stars + "[x](/y)" + stars;
        var found = LinksAndHeadings.Of(Markdig.Markdown.Parse(markdown, Pipeline));
        var link = Assert.Single(found.Links);
        Assert.Equal("/y", link.Url);
        var depth = 0;
        for (var parent = link.Parent; parent is not null; parent = parent.Parent) depth++;
        Assert.True(depth > 5_000, $"nested {depth} deep");
    }
}
