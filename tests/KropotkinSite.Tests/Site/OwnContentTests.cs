using System.Text.RegularExpressions;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Site;

/// <summary>Checks on the project's own biography as published: it is written in our own words and tells the whole
/// story.</summary>
public sealed class OwnContentTests : IClassFixture<OwnContentTests.BuiltSite>
{
    public sealed class BuiltSite : IDisposable
    {
        public TestSite Site { get; } = TestSite.Empty();

        public BuiltSite()
        {
            TestSite.CopyDirectory(Repository.Input, Site.Input);
            Site.BuildSuccessfully();
        }

        public void Dispose() => Site.Dispose();
    }

    private readonly TestSite _site;

    public OwnContentTests(BuiltSite built) => _site = built.Site;

    private static string SourcesFolder => Path.Combine(Repository.Root, "..", "shared", "sources");

    /// <summary>
    /// The sources are kept beside the repository (../shared/sources), not in it: a clone alone has none, and
    /// there the test reports itself skipped with the reason. CI always has them, so under CI=true a missing
    /// folder fails the test instead.
    /// </summary>
    [SkippableFact]
    public void Fewer_than_two_percent_of_the_published_prose_8_word_runs_stand_in_the_source_biography()
    {
        var missing = $"the source biography is kept beside the repository at {Path.GetFullPath(SourcesFolder)}, " +
                      "and there is none there";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.True(Directory.Exists(SourcesFolder), missing + " (CI=true: it must run)");
        Skip.IfNot(Directory.Exists(SourcesFolder), missing);
        var source = Directory.GetFiles(SourcesFolder,
            "*.txt").Select(File.ReadAllText).SelectMany(text => Runs(Words(text))).ToHashSet(StringComparer.Ordinal);
        var total = 0;
        var shared = 0;
        foreach (var file in Directory.GetFiles(_site.Output, "*.html", SearchOption.AllDirectories))
        {
            var main = Support.Html.Parse(File.ReadAllText(file)).QuerySelector("main");
            if (main is null) continue;
            // Kropotkin's own words, marked as quotations
            foreach (var quote in main.QuerySelectorAll("blockquote").ToArray()) quote.Remove();
            var runs = Runs(Words(main.TextContent)).ToArray();
            total += runs.Length;
            shared += runs.Count(source.Contains);
        }
        Assert.True(total > 10_000, $"expected a whole biography, found {total} runs of prose");
        Assert.True(shared * 100.0 / total < 2.0,
            $"{shared} of {total} 8-word runs ({shared * 100.0 / total:F2}%) also stand in the source");
    }

    [Fact]
    public void The_timeline_tells_at_least_sixty_dated_events_and_every_book_has_a_page()
    {
        var timeline = _site.Page("timeline/index.html");
        Assert.True(timeline.QuerySelectorAll(".event").Length >= 60);
        var works = _site.Page("works/index.html").QuerySelectorAll(".work-item").Length;
        Assert.True(works >= 12, $"expected the twelve books and more, found {works}");
    }

    [Fact]
    public void Every_place_of_the_register_is_on_the_places_page_and_its_map_with_links_to_its_timeline_entries()
    {
        var register = File.ReadAllLines(Path.Combine(Repository.Input, "_data", "places.yml"))
            .Where(line => Regex.IsMatch(line, @"^[^#\s].*:\s*$")).Select(line => line.TrimEnd()[..^1]).ToArray();
        Assert.True(register.Length >= 20, $"expected the register's places, found {register.Length}");
        var places = _site.Page("places/index.html");
        var timeline = _site.Page("timeline/index.html");
        var entries = places.QuerySelectorAll(".place-entry")
            .ToDictionary(e => Support.Html.Normalise(e.QuerySelector("h2")!.TextContent), e => e);
        var marked = places.QuerySelectorAll("figure.places-map svg a")
            .Select(a => a.GetAttribute("href")!.TrimStart('#')).ToHashSet();
        foreach (var name in register)
        {
            var entry = entries.Single(e => Regex.IsMatch(e.Key, $@"^\d+ {Regex.Escape(name)} \d")).Value;
            Assert.Contains(entry.Id!, marked);
            var links = entry.QuerySelectorAll(".place-entry__events > li > a").Select(a => a.GetAttribute("href")!)
                .ToArray();
            Assert.NotEmpty(links);
            foreach (var link in links) Assert.NotNull(timeline.GetElementById(link.Split('#')[1]));
        }
    }

    [Fact]
    public void Following_next_from_the_first_life_page_reads_every_biography_page_once_and_ends_with_a_way_on()
    {
        // The biography: every page of Life, Exile and Philosophy and the top-level pages (not the home page).
        var biography = Directory.GetFiles(Repository.Input, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Input, f).Replace('\\', '/'))
            .Where(f => f.Split('/') is [var top]
                ? top != "index.md"
                : f.Split('/')[0] is "life" or "exile" or "philosophy" && !f.EndsWith("/index.md"))
            .Select(f => "/" + f[..^3] + "/")
            .ToHashSet();
        var first = Assert.Single(_site.Page("life/index.html").Hrefs(".start-reading a"));
        var visited = new List<string>();
        for (var url = first; ;)
        {
            Assert.DoesNotContain(url, visited);
            visited.Add(url);
            var page = _site.Page(url.TrimStart('/') + "index.html");
            var next = page.Hrefs("a[rel=next]");
            if (next.Length == 0)
            {
                Assert.NotEmpty(page.Hrefs(".pager__read-on"));
                break;
            }
            url = Assert.Single(next);
        }
        Assert.Equal(biography.Order(), visited.Order());
        Assert.StartsWith("/life/", visited[0]);
    }

    [Fact]
    public void No_work_page_shows_a_raw_language_code()
    {
        var works = Directory.GetFiles(Path.Combine(_site.Output, "works"), "index.html", SearchOption.AllDirectories);
        foreach (var file in works)
        {
            var page = Support.Html.Parse(File.ReadAllText(file));
            foreach (var fact in page.QuerySelectorAll(".facts dd, .work-item__meta"))
            {
                Assert.DoesNotMatch(@"^\s*[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\s*$", fact.TextContent); // "fr" for a value
                // "(fr)", "· in fr"
                Assert.DoesNotMatch(@"\([a-z]{2,3}(-[A-Za-z0-9]{2,8})*\)|· in [a-z]{2,3}\b", fact.TextContent);
            }
            Assert.Empty(page.QuerySelectorAll(".facts code"));
        }
        var revolution = _site.Page("works/great-french-revolution/index.html").QuerySelectorAll(".facts dt")
            .Single(dt => dt.TextContent == "Original language");
        Assert.Equal("French", revolution.NextElementSibling!.TextContent);
    }

    private static string[] Words(string text) =>
        Regex.Matches(text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\''),
            @"[\p{L}\p{N}']+").Select(m => m.Value).ToArray();

    private static IEnumerable<string> Runs(string[] words)
    {
        for (var i = 0; i + 8 <= words.Length; i++) yield return string.Join(' ', words, i, 8);
    }
}
