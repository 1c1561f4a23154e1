using KropotkinSite.Content;

namespace KropotkinSite.Tests.Content;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("1876", "1876", "1876")]
    [InlineData("1876-06", "1876-06", "June 1876")]
    [InlineData("1876-06-30", "1876-06-30", "30 June 1876")]
    [InlineData("1904-02-29", "1904-02-29", "29 February 1904")]
    public void A_date_keeps_the_precision_it_was_given(string text, string iso, string display)
    {
        Assert.True(PartialDate.TryParse(text, out var date, out _));
        Assert.Equal(iso, date.Iso);
        Assert.Equal(display, date.Display);
    }

    [Theory]
    [InlineData("1876-13")]
    [InlineData("1876-02-30")]
    [InlineData("1900-02-29")]
    [InlineData("0000")]
    [InlineData("76")]
    [InlineData("1876-6")]
    [InlineData("June 1876")]
    [InlineData("1876-06-30-01")]
    [InlineData("")]
    public void Anything_but_a_real_date_in_one_of_the_three_forms_is_refused(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void A_year_sorts_before_its_months_and_a_month_before_its_days()
    {
        string[] texts = ["1877", "1876-06-30", "1876-06", "1876", "1876-01-01"];
        var sorted = texts.Select(t => { PartialDate.TryParse(t, out var d, out _); return d; })
            .Order().Select(d => d.Iso);
        Assert.Equal(["1876", "1876-01-01", "1876-06", "1876-06-30", "1877"], sorted);
    }
}
