using System.Text;
using KropotkinSite.Incremental;
using KropotkinSite.Pipelines;
using KropotkinSite.Tests.Search;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Incremental;

/// <summary>After one page's body is edited, a rebuild's search pipeline reads that page again, and makes again
/// only the chunks of the index that hold its terms and the files that change with them.</summary>
public sealed class SearchIndexRebuildTests
{
    private const int Pages = 240;
    private const int Topics = 12;

    /// <summary>A site whose pages each write about one of a few topics, each topic with words of its own that
    /// begin with a letter of its own, so that a page's terms stand together in the sorted index, as a
    /// biography's names and places do.</summary>
    private static TestSite TopicSite()
    {
        var site = TestSite.FromFixture("minimal");
        var random = new Random(7);
        var vocabulary = Enumerable.Range(0, Topics).Select(topic => Enumerable.Range(0, 150)
            .Select(_ => (char)('a' + topic) + new string([.. Enumerable.Range(0, 5)
                .Select(_ => (char)('a' + random.Next(26)))])).ToArray()).ToArray();
        for (var i = 0; i < Pages; i++)
        {
            var words = vocabulary[i % Topics];
            var body = new StringBuilder();
            for (var paragraph = 0; paragraph < 4; paragraph++)
                body.Append(string.Join(' ', Enumerable.Range(0, 60).Select(_ => words[random.Next(words.Length)])))
                    .Append(".\n\n");
            site.Write($"topics/page-{i:D3}.md", $"---\ntitle: Page {i}\n---\n{body}");
        }
        return site;
    }

    private static IReadOnlyList<StepReport> Run(TestSite site, FileSnapshot files, BuildMemory memory,
        ChangeSet changes)
    {
        var result = RememberedBuild.Run(site, files, memory, changes);
        var index = result.Outputs[PipelineNames.SearchIndex];
        foreach (var file in index)
        {
            var path = Path.Combine(site.Output, file.Destination);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content.ToArray());
        }
        return memory.LastRun;
    }

    private static SearchIndexReader Index(TestSite site) =>
        new(Directory.GetFiles(Path.Combine(site.Output, "search"), "*.bin", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Path.Combine(site.Output, "search"), f).Replace('\\', '/'),
                File.ReadAllBytes));

    [Fact]
    public void A_body_edit_reads_one_page_again_and_makes_again_only_the_chunks_that_hold_its_terms()
    {
        using var site = TopicSite();
        var (files, memory) = (new FileSnapshot(), new BuildMemory());
        Run(site, files, memory, ChangeSet.Unknown);

        var edited = Path.Combine(site.Input, "topics", "page-005.md");
        File.AppendAllText(edited, "\nA sentence more, with a word of its own: fwholly.\n");
        var steps = Run(site, files, memory, ChangeSet.Of([edited]));

        var index = Index(site);
        var id = Enumerable.Range(0, index.PageCount)
            .Single(i => index.Page(i).GetProperty("u").GetString() == "/topics/page-005/");
        var holding = index.Chunks.Count(c => c.Entries.Any(t => t.Weights.ContainsKey(id)));
        Assert.True(index.Chunks.Count >= 3 * holding, $"{holding} of {index.Chunks.Count} chunks hold the page");

        // Computed again: the page's text, and whether it has parts read apart (PartReadings).
        var read = steps.Single(s => s.Step.EndsWith("/ReadSearchText", StringComparison.Ordinal));
        Assert.Equal(2, read.Computed);
        Assert.True(read.Reused >= index.PageCount - 1, $"{read.Reused} reused");
        // Made again: the page's own value, the order of the pages, its block's layout, the list of the block's
        // merges, the merges of the terms whose entries changed (at most the five words of the sentence, and the
        // word before them, which they now follow), the block's entries, the cut into chunks, the chunks that hold
        // its entries, its own files, and the meta file. All else is last run's.
        var write = steps.Single(s => s.Step.EndsWith("/WriteSearchIndex", StringComparison.Ordinal));
        Assert.InRange(write.Computed, 1, 8 + 6 + holding);
        Assert.True(write.Reused >= index.PageCount, $"{write.Reused} reused");
    }
}
