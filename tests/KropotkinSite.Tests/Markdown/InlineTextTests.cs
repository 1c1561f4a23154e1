using KropotkinSite.Markdown;
using Markdig;
using Markdig.Syntax;

namespace KropotkinSite.Tests.Markdown;

public sealed class InlineTextTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseSmartyPants().Build();

    [Fact]
    public void Each_text_is_its_own_trimmed_plain_text_even_one_after_another()
    {
        var document = Markdig.Markdown.Parse(
            "# *Mutual* `aid` -- \"now\"\n\nA long first paragraph,\non two lines.\n\nB", Pipeline);
        var texts = document.OfType<LeafBlock>().Select(block => InlineText.Of(block.Inline)).ToArray();
        Assert.Equal(["Mutual aid \u2013 \u201Cnow\u201D", "A long first paragraph, on two lines.", "B"], texts);
    }
}
