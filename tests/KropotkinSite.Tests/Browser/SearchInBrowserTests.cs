using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Browser;

/// <summary>
/// The site's own search, asked what a reader of the biography looks up, in Debian's Chromium under the
/// Content-Security-Policy of netlify.toml: names, places, works and ideas, each as written (with its accents and
/// capitals, opened as /search/?q=…) and typed key by key in lower case without accents. The page expected is the
/// one whose subject the query is; it must be among the first three results.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SearchInBrowserTests
{
    /// <summary>(as written, as typed plainly, the page it should find)</summary>
    public static readonly (string Query, string Plain, string Expected)[] Queries =
    [
        // Names
        ("Tolstoy", "tolstoy", "/philosophy/religion-and-ethics/"),
        ("Bakunin", "bakunin", "/life/turn-to-anarchism/"),
        ("James Guillaume", "james guillaume", "/life/turn-to-anarchism/"),
        ("Élisée Reclus", "elisee reclus", "/exile/switzerland/"),
        ("George Woodcock", "george woodcock", "/further-reading/"),
        ("Darwin", "darwin", "/philosophy/cooperation/"),
        ("Sofia", "sofia", "/personal-life/"),
        ("Lenin", "lenin", "/life/return-to-russia/"),
        ("Chaikovsky", "chaikovsky", "/life/arrest-and-escape/"),
        // Places
        ("Clairvaux", "clairvaux", "/exile/france-and-prison/"),
        ("Lyon", "lyon", "/exile/france-and-prison/"),
        ("Zürich", "zurich", "/life/turn-to-anarchism/"),
        ("Geneva", "geneva", "/exile/switzerland/"),
        ("Siberia", "siberia", "/life/siberia/"),
        ("Amur", "amur", "/life/siberia/"),
        ("Manchuria", "manchuria", "/life/expeditions/"),
        ("Peter and Paul Fortress", "peter and paul fortress", "/life/arrest-and-escape/"),
        ("Harrow", "harrow", "/exile/london/"),
        ("Dmitrov", "dmitrov", "/life/return-to-russia/"),
        // Works
        ("Le Révolté", "le revolte", "/exile/switzerland/"),
        ("The Conquest of Bread", "the conquest of bread", "/works/conquest-of-bread/"),
        ("Mutual Aid: A Factor of Evolution", "mutual aid a factor of evolution", "/works/mutual-aid/"),
        ("Fields, Factories and Workshops", "fields factories and workshops", "/works/fields-factories-and-workshops/"),
        ("Memoirs of a Revolutionist", "memoirs of a revolutionist", "/works/memoirs-of-a-revolutionist/"),
        ("The Great French Revolution", "the great french revolution", "/works/great-french-revolution/"),
        ("An Appeal to the Young", "an appeal to the young", "/works/appeal-to-the-young/"),
        ("Modern Science and Anarchism", "modern science and anarchism", "/works/modern-science-and-anarchism/"),
        ("In Russian and French Prisons", "in russian and french prisons", "/works/in-russian-and-french-prisons/"),
        ("Ethics", "ethics", "/works/ethics/"),
        // Ideas
        ("Mutual aid", "mutual aid", "/philosophy/mutual-aid/"),
        ("Ice Age", "ice age", "/life/geographer/"),
        ("Cooperation", "cooperation", "/philosophy/cooperation/"),
        ("Decentralisation", "decentralisation", "/philosophy/decentralisation/"),
        ("State socialism", "state socialism", "/philosophy/state-socialism/"),
        ("Religion", "religion", "/philosophy/religion-and-ethics/"),
        ("Prisons", "prisons", "/exile/france-and-prison/"),
        ("Jura Federation", "jura federation", "/exile/switzerland/"),
        ("Page Corps", "page corps", "/life/page-corps/"),
    ];

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
        Assert.True(misses.Count == 0, $"{misses.Count} of {asked.Count} queries missed their page:\n" + string.Join("\n", misses));
    }

    [Fact]
    public void Every_query_finds_its_page_in_the_top_three_under_the_netlify_csp_served_from_the_root() =>
        AssertEveryQueryFindsItsPage("/");

    [Fact]
    public void Every_query_finds_its_page_in_the_top_three_under_the_netlify_csp_served_under_a_base_path() =>
        AssertEveryQueryFindsItsPage("/kropotkin/", ["--base-path", "/kropotkin/"]);

    [Fact]
    public void Results_mark_the_matched_words_and_the_status_line_says_how_many_pages_match()
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
    }

    [Fact]
    public void A_search_script_that_breaks_the_csp_is_caught_the_policy_blocks_it_and_no_query_finds_anything()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        site.BuildSuccessfully();
        var script = Directory.GetFiles(Path.Combine(site.Output, "assets"), "search.*.js").Single();
        // Planted: code built from a string, which the policy forbids (no 'unsafe-eval').
        File.WriteAllText(script, File.ReadAllText(script).Replace("'use strict';", "'use strict';\n  new Function('return 1')();", StringComparison.Ordinal));
        var run = SearchQueries.Run(site.Output, "/", [("Clairvaux", "url")]);
        Assert.Contains(run.Problems, p => p.Contains("csp-violation", StringComparison.Ordinal) && p.Contains("eval", StringComparison.Ordinal));
        Assert.False(run.Results.Single().Done, run.Results.Single().ToString());
    }
}
