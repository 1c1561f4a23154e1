using KropotkinSite.Markdown;
using Markdig;
using Markdig.Renderers;

namespace KropotkinSite.Tests.Markdown;

public sealed class ReusableHtmlRendererTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseFootnotes().UsePipeTables().UseAutoIdentifiers().UseSmartyPants().Build();

    [Fact]
    public void A_page_rendered_after_another_is_rendered_as_by_a_new_renderer()
    {
        var first = "# Title\n\n- a\n  - b\n\n> quote\n\ntext[^1]\n\n[^1]: note\n\n    code";
        var second = "Text -- with \"quotes\".\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n1. one\n2. two";
        var renderer = new ReusableHtmlRenderer(new StringWriter());
        Pipeline.Setup(renderer);
        renderer.Render(Markdig.Markdown.Parse(first, Pipeline));
        Assert.Equal(Fresh(first), renderer.Buffer.ToString());
        renderer.Clear();
        renderer.Render(Markdig.Markdown.Parse(second, Pipeline));
        Assert.Equal(Fresh(second), renderer.Buffer.ToString());
    }

    private static string Fresh(string markdown)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(Markdig.Markdown.Parse(markdown, Pipeline));
        return writer.ToString();
    }
}
