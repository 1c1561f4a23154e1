using System.Text;
using KropotkinSite.Html;
using KropotkinSite.Tests.Support;
using KropotkinSite.Theme;

namespace KropotkinSite.Tests.Html;

/// <summary>A page laid out in parts is read with each part's own reading where the page's reading allows: the ids
/// and links must be those of reading the page whole.</summary>
public sealed class HtmlLinksPartsTests
{
    [Fact]
    public void Reading_with_parts_read_apart_gives_what_reading_the_page_whole_gives()
    {
        var random = new Random(13);
        var taken = 0;
        for (var i = 0; i < 3000; i++)
        {
            var (page, parts) = PagesInParts.Make(random);
            var readings = parts.Select(p => HtmlLinks.ReadPart(p.Utf8)).ToArray();

            var (ids, runs) = HtmlLinks.Read(page, parts, readings);

            var whole = HtmlLinks.Read(page);
            Assert.Equal(whole.Ids.ToArray(), ids.ToArray());
            Assert.Equal(whole.Links, runs.SelectMany(r => r));
            taken += runs.Count(r => readings.Any(p => ReferenceEquals(p.Links, r)));
        }
        Assert.True(taken > 1000, $"only {taken} parts' readings were taken");
    }

    [Fact]
    public void A_part_that_ends_in_plain_text_is_taken_as_it_was_read_and_the_page_read_on_after_it()
    {
        var page = Encoding.UTF8.GetBytes("<ol><li><a href=\"/a/\">a</a></li><li id=\"b\"></li></ol><a href=\"/c/\">");
        var part = new PlacedPart(4, Encoding.UTF8.GetBytes("<li><a href=\"/a/\">a</a></li><li id=\"b\"></li>"));
        var given = new PartLinks(["given"], ["/given/"], EndsInText: true);

        var (ids, runs) = HtmlLinks.Read(page, [part], [given]);

        Assert.Equal(["given"], ids);
        Assert.Equal([["/given/"], ["/c/"]], runs);
        Assert.True(HtmlLinks.ReadPart(part.Utf8).EndsInText);
    }

    [Theory]
    [InlineData("<li><a href=\"/a/\"")]
    [InlineData("<li><!-- <a href=\"/a/\">")]
    [InlineData("<li><script>")]
    [InlineData("<li><svg>")]
    [InlineData("<li><")]
    public void A_part_cut_off_inside_a_tag_comment_raw_text_or_foreign_content_is_not_taken(string part)
    {
        var reading = HtmlLinks.ReadPart(Encoding.UTF8.GetBytes(part));

        Assert.False(reading.EndsInText);
    }
}
