using System.Text;
using KropotkinSite.Search;
using KropotkinSite.Tests.Support;
using KropotkinSite.Theme;

namespace KropotkinSite.Tests.Search;

/// <summary>A page laid out in parts is read for search with each part's own reading where the page's reading
/// allows: title and blocks must be those of reading the page whole.</summary>
public sealed class PageTextReaderPartsTests
{
    [Fact]
    public void Reading_with_parts_read_apart_gives_what_reading_the_page_whole_gives()
    {
        var random = new Random(17);
        var taken = 0;
        for (var i = 0; i < 3000; i++)
        {
            var (page, parts) = PagesInParts.Make(random);
            var readings = parts.Select(p => PageTextReader.ReadPart(p.Utf8)).ToArray();

            var text = PageTextReader.Read(page, parts, readings);

            var whole = PageTextReader.Read(page);
            Assert.Equal(whole.Title, text.Title);
            Assert.Equal(whole.Blocks, text.Blocks);
            taken += readings.Count(r => r.Blocks.Count > 0 && text.Blocks.Any(b => ReferenceEquals(b,
                r.Blocks[^1].Block)));
        }
        Assert.True(taken > 300, $"only {taken} parts' readings were taken");
    }

    [Fact]
    public void A_part_ending_between_blocks_is_taken_as_read_and_its_first_level_one_heading_may_be_the_title()
    {
        var page = Encoding.UTF8.GetBytes("<main><p>Intro</p>\n<li><h1>Year</h1>Text</li>\n<p>After</p></main>");
        var part = new PlacedPart(19, Encoding.UTF8.GetBytes("<li><h1>Year</h1>Text</li>"));
        var given = new PartText(
            [
                new PartBlock(true, new TextBlock(true, "Given title")),
                new PartBlock(false, new TextBlock(false, "Given")),
            ],
            EndsBetweenBlocks: true);

        var text = PageTextReader.Read(page, [part], [given]);

        Assert.Equal("Given title", text.Title);
        Assert.Equal([new TextBlock(false, "Intro"), new TextBlock(false, "Given"), new TextBlock(false, "After")],
            text.Blocks);
        Assert.Equal(PageTextReader.ReadPart(part.Utf8).Blocks.Select(b => b.Block.Text), ["Year", "Text"]);
    }

    [Theory]
    [InlineData("<li>open text")]
    [InlineData("<li><h2>heading")]
    [InlineData("<li><!-- comment")]
    [InlineData("<li><nav>skipped")]
    [InlineData("<li><p class=\"cut")]
    public void A_part_cut_off_inside_a_block_a_tag_a_comment_or_a_skipped_element_is_not_taken(string part)
    {
        var reading = PageTextReader.ReadPart(Encoding.UTF8.GetBytes(part));

        Assert.False(reading.EndsBetweenBlocks);
    }
}
