using KropotkinSite.Html;

namespace KropotkinSite.Tests.Html;

public sealed class UrlsTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("sub", "/sub/")]
    [InlineData(" /a/b ", "/a/b/")]
    public void A_base_path_is_made_to_start_and_end_with_a_slash(string? given, string expected) =>
        Assert.Equal(expected, Urls.NormaliseBasePath(given));

    [Theory]
    [InlineData("/life/", "/sub/", "/sub/life/")]
    [InlineData("/life/", "/", "/life/")]
    [InlineData("//host/x", "/sub/", "//host/x")]
    [InlineData("life/", "/sub/", "life/")]
    [InlineData("https://x.org/", "/sub/", "https://x.org/")]
    public void Only_a_root_relative_url_gets_the_base_path(string url, string basePath, string expected) =>
        Assert.Equal(expected, Urls.WithBasePath(url, basePath));

    [Theory]
    [InlineData("https://x.org/", true)]
    [InlineData("mailto:a@b.org", true)]
    [InlineData("//host/", true)]
    [InlineData("/life/", false)]
    [InlineData("life/a:b", false)]
    [InlineData("?q=a:b", false)]
    [InlineData("#a:b", false)]
    public void A_url_with_a_scheme_or_a_host_is_external(string url, bool external) =>
        Assert.Equal(external, Urls.IsExternal(url));

    [Theory]
    [InlineData("/life/a/", "../b/", "/life/b/")]
    [InlineData("/life/a/", "/works/", "/works/")]
    [InlineData("/life/a/", "c", "/life/a/c")]
    [InlineData("/life/a/", "/x/./y/../z", "/x/z")]
    public void A_link_resolves_against_the_page_it_is_on(string page, string link, string expected) =>
        Assert.Equal(expected, Urls.Resolve(page, link));

    /// <summary>Plain paths are resolved without building a <see cref="Uri"/>; they must come out as one would
    /// resolve them, dot segments, climbing above the root and odd dots in names included.</summary>
    [Fact]
    public void A_link_resolves_as_a_uri_would_resolve_it()
    {
        string[] pages = ["/", "/life/a/", "/life/a", "/a/b/c/", "/x.y/z/", "/a/../b/", "/a./b/", "/a b/", "/a//b/"];
        string[] links =
        [
            "..", "../", "../..", "../../../../x", ".", "./", "./a", "a/./b/../c", "b..", "a.b/", "...", "a./b",
            "/x/../y", "/x/./", "/..", "/../..", "c", "", "x//y", "../a-b_c/", "a/..", "a/../", ".../x", "../.x/",
            "/.", "//x/y", "a%20b/../c", "a b/../c", "é/../x", "a\\b/../c",
        ];
        foreach (var page in pages)
            foreach (var link in links)
                Assert.True(new Uri(new Uri("http://site.invalid" + page), link).AbsolutePath
                    == Urls.Resolve(page, link), $"'{link}' from '{page}'");
    }

    [Fact]
    public void Escaping_touches_only_what_a_url_cannot_hold()
    {
        Assert.Equal("/a%20b/%22c%22/", Urls.EscapePath("/a b/\"c\"/"));
        Assert.Equal("/café/", Urls.EscapePath("/café/"));
        var plain = "/life/";
        Assert.Same(plain, Urls.EscapePath(plain));
    }
}
