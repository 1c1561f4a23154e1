using System.Text;
using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

public sealed class Utf8OrderTests
{
    // Letters below U+D800, from U+E000 to U+FFFF, and beyond U+FFFF (surrogate pairs in .NET): the ranges whose
    // order by UTF-8 and by UTF-16 differ.
    private static readonly string[] Letters = ["a", "z", "é", "д", "自", "豈", "ｆ", "", "𠀀", "𝔞", "😀"];

    [Fact]
    public void Texts_are_ordered_by_their_UTF8_as_dotnet_orders_the_strings_ordinally()
    {
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            string Text() => string.Concat(Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => Letters[random.Next(Letters.Length)]));
            var (a, b) = (Text(), Text());

            var order = Utf8Order.Compare(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

            Assert.True(Math.Sign(order) == Math.Sign(string.CompareOrdinal(a, b)), $"'{a}' against '{b}'");
        }
    }
}
