using System.Text.Json;
using KropotkinSite.Tests.Search;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Browser;

/// <summary>
/// The site's own search, asked what a reader of the biography looks up, in Debian's Chromium under the
/// Content-Security-Policy of netlify.toml: names, places, works and ideas, each as written (with its accents and
/// capitals, opened as /search/?q=…) and typed key by key in lower case without accents. The page expected is the
/// one whose subject the query is; it must be among the first three results.
/// </summary>
public sealed class SearchInBrowserTests
{
    /// <summary>The queries (search-queries.json beside this file; bench/search.sh asks Pagefind the same): each
    /// as written, as typed plainly, the page it should find, and whether it is a name, a place, a work or an
    /// idea.</summary>
    public sealed record ReaderQuery(string Kind, string Query, string Plain, string Expected);

    public static IReadOnlyList<ReaderQuery> Queries { get; } = JsonSerializer.Deserialize<ReaderQuery[]>(
        File.ReadAllText(Path.Combine(Repository.Root, "tests", "KropotkinSite.Tests", "Browser",
            "search-queries.json")),
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [Fact]
    public void The_queries_are_at_least_25_names_places_works_and_ideas_each_also_in_lower_case_without_accents()
    {
        Assert.True(Queries.Count >= 25, $"{Queries.Count} queries");
        Assert.Equal(["idea", "name", "place", "work"], Queries.Select(q => q.Kind).Distinct().Order());
        Assert.All(Queries, q => Assert.Matches("^[a-z0-9 ]+$", q.Plain));
    }

    private static void AssertEveryQueryFindsItsPage(string basePath, string[]? buildArguments = null)
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully(buildArguments ?? []);
        var asked = Queries.SelectMany(q => new[] { (q.Query, "url"), (q.Plain, "type") }).ToList();
        var run = SearchQueries.Run(site.Output, basePath, asked);
        Assert.True(run.Problems.Count == 0, "problems in the page:\n" + string.Join("\n", run.Problems));
        var expected = Queries.SelectMany(q => new[] { q.Expected, q.Expected }).ToList();
        var misses = run.Results.Zip(expected)
            .Where(r => !r.First.Done || !r.First.Hrefs.Take(3).Contains(basePath + r.Second.TrimStart('/')))
            .Select(r => $"{r.First} — expected {r.Second}").ToList();
        Assert.True(asked.Count == run.Results.Count, $"{run.Results.Count} of {asked.Count} queries ran");
        Assert.True(misses.Count == 0,
            $"{misses.Count} of {asked.Count} queries missed their page:\n" + string.Join("\n", misses));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_query_finds_its_page_in_the_top_three_under_the_netlify_csp_served_from_the_root() =>
        AssertEveryQueryFindsItsPage("/");

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_query_finds_its_page_in_the_top_three_under_the_netlify_csp_served_under_a_base_path() =>
        AssertEveryQueryFindsItsPage("/kropotkin/", ["--base-path", "/kropotkin/"]);

    [Fact]
    [Trait("Category", "Slow")]
    public void Results_are_listed_with_their_pages_titles_mark_the_matched_words_and_the_status_says_how_many()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully();
        var run = SearchQueries.Run(site.Output, "/", [("prisoners", "url"), ("revolu", "type"), ("zzxqj", "type")]);
        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
        var (prisoners, typing, nothing) = (run.Results[0], run.Results[1], run.Results[2]);
        // A stem in common: "prisoners" marks "prison" and "prisons" as well.
        Assert.Contains(prisoners.Marks, m => m.StartsWith("prison", StringComparison.OrdinalIgnoreCase));
        Assert.Matches("^[0-9]+ pages match “prisoners”", prisoners.Status);
        // A word being typed matches the words it begins.
        Assert.Contains(typing.Marks, m => m.StartsWith("revolu", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("No page matches “zzxqj”.", nothing.Status);
        Assert.Empty(nothing.Hrefs);
        // Each result is listed with its own page's title, whether the list took it from a term's cards (a title
        // with a word of the query) or from the page's file.
        var index = new SearchIndexReader(Directory.EnumerateFiles(Path.Combine(site.Output, "search"), "*.bin",
                SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Path.Combine(site.Output, "search"), f).Replace('\\', '/'),
                File.ReadAllBytes));
        var titles = Enumerable.Range(0, index.PageCount).Select(index.Page)
            .ToDictionary(p => p.GetProperty("u").GetString()!, p => p.GetProperty("t").GetString()!);
        Assert.True(prisoners.Hrefs.Length >= 5, string.Join(", ", prisoners.Hrefs));
        Assert.Equal(prisoners.Hrefs.Select(h => titles[h]), prisoners.Titles);
        Assert.Equal(typing.Hrefs.Select(h => titles[h]), typing.Titles);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Each_result_is_listed_with_its_own_title_when_the_terms_give_more_titles_than_are_listed()
    {
        // Fourteen pages whose titles have both words: each word's entry gives all fourteen titles (cards), the
        // list shows ten, so the script passes over cards it does not need between those it reads.
        using var site = TestSite.Minimal();
        for (var i = 1; i <= 14; i++)
            site.Write($"life/letter-{i}.md", $"---\ntitle: Letter {i} from prison\n---\n" +
                string.Join(' ', Enumerable.Repeat("Prison walls.", i)) + " A letter home.\n");
        site.BuildSuccessfully();
        var run = SearchQueries.Run(site.Output, "/", [("prison letter", "url")]);
        Assert.True(run.Problems.Count == 0, string.Join("\n", run.Problems));
        var result = run.Results.Single();
        Assert.Equal(10, result.Hrefs.Length);
        Assert.All(result.Hrefs.Zip(result.Titles), r =>
            Assert.Equal("Letter " + r.First.Split('-')[1].TrimEnd('/') + " from prison", r.Second));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_search_script_that_breaks_the_csp_is_caught_the_policy_blocks_it_and_no_query_finds_anything()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully();
        var script = Directory.GetFiles(Path.Combine(site.Output, "assets"), "search.*.js").Single();
        // Planted: code built from a string, which the policy forbids (no 'unsafe-eval').
        var planted = File.ReadAllText(script)
            .Replace("'use strict';", "'use strict';\n  new Function('return 1')();", StringComparison.Ordinal);
        File.WriteAllText(script, planted);
        var run = SearchQueries.Run(site.Output, "/", [("Clairvaux", "url")]);
        Assert.Contains(run.Problems,
            p => p.Contains("csp-violation", StringComparison.Ordinal) && p.Contains("eval", StringComparison.Ordinal));
        Assert.False(run.Results.Single().Done, run.Results.Single().ToString());
    }
}
