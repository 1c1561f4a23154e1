using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

public sealed class BlockMergerTests
{
    // Words of several scripts, among them letters beyond U+FFFF (surrogates in .NET) and from U+F900 and U+FF21,
    // which sort differently by their UTF-8 and their UTF-16: the terms' order is the strings' ordinal one.
    private static readonly string[] Vocabulary =
    [
        "land", "people", "work", "village", "commune", "prison", "river", "mountain", "winter", "exile", "bread",
        "field", "science", "map", "survey", "school", "comrade", "press", "congress", "federation", "mutual",
        "aid", "révolte", "zürich", "дмитров", "москва",
        "ελευθερία", "自由", "𠀀𠀁", "𠀂", "豈", "ｆｒｅｅ", "１８４２",
    ];

    /// <summary>Pages of random length and words (some of their own, some of the vocabulary), with titles that
    /// share words with the text so that terms have cards, and with sections.</summary>
    private static List<SearchPage> Pages(Random random, int count)
    {
        var pages = new List<SearchPage>();
        for (var i = 0; i < count; i++)
        {
            string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => random.Next(20) == 0
                ? "rare" + random.Next(1000)
                : Vocabulary[random.Next(Vocabulary.Length)]));
            var title = Words(random.Next(1, 5));
            var blocks = new List<TextBlock>();
            for (var b = random.Next(0, 4); b >= 0; b--)
                blocks.Add(new(random.Next(3) == 0, Words(random.Next(0, 60))));
            var section = "s" + random.Next(3);
            pages.Add(new SearchPage($"/{section}/{i}/", $"/base/{section}/{i}/", title, section,
                new PageText(title, blocks)));
        }
        return pages;
    }

    /// <summary>The pages cut into consecutive parts of random sizes, numbered from <paramref name="first"/>.
    /// </summary>
    private static List<PageBlock> Parts(Random random, IReadOnlyList<SearchPage> pages, int first)
    {
        var parts = new List<PageBlock>();
        for (var at = 0; at < pages.Count;)
        {
            var size = Math.Min(pages.Count - at, random.Next(1, 60));
            parts.Add(new PageBlock(first + at, pages.Skip(at).Take(size).ToArray()));
            at += size;
        }
        return parts;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Merged_parts_give_the_entries_of_the_whole_block_turned_around_at_once(int seed)
    {
        var random = new Random(seed);
        var pages = Pages(random, random.Next(2, 400));
        var first = random.Next(0, 3) * 1280;
        var whole = BlockInverter.Invert(new PageBlock(first, pages));
        var parts = Parts(random, pages, first);
        Assert.True(parts.Count > 1 || pages.Count < 60, $"{parts.Count} parts");

        var merged = BlockMerger.Merge(parts.Select(BlockInverter.InvertPart).ToArray());

        Assert.Equal(first, merged.First);
        Assert.Equal(whole.Terms, merged.Terms);
        for (var i = 0; i < whole.Entries.Count; i++)
            Assert.True(whole.Entries[i].AsSpan().SequenceEqual(merged.Entries[i]), $"the entry of {whole.Terms[i]}");
    }

    [Fact]
    public void A_page_edited_in_one_part_gives_the_entries_of_the_edited_block()
    {
        var random = new Random(7);
        var pages = Pages(random, 300);
        var parts = Parts(random, pages, 0);
        var inverted = parts.Select(BlockInverter.InvertPart).ToArray();
        var edited = pages.ToArray();
        edited[150] = Pages(new Random(8), 1)[0];
        var (part, at) = parts.Select((p, i) => (p, i)).First(p => p.p.First + p.p.Pages.Count > 150);
        var editedPart = edited[part.First..(part.First + part.Pages.Count)];
        inverted[at] = BlockInverter.InvertPart(part with { Pages = editedPart });

        var merged = BlockMerger.Merge(inverted);

        var whole = BlockInverter.Invert(new PageBlock(0, edited));
        Assert.Equal(whole.Terms, merged.Terms);
        Assert.Equal(whole.Entries.Select(Convert.ToHexString), merged.Entries.Select(Convert.ToHexString));
    }

    [Fact]
    public void The_merged_index_of_a_large_site_is_the_index_of_its_blocks_turned_around_at_once()
    {
        var pages = Pages(new Random(11), 1500);
        var ordered = SearchIndexWriter.Order(pages);
        var size = SearchIndexWriter.BlockPagesOf(ordered.Length);
        Assert.True(size > SearchIndexWriter.MinBlockPages, $"blocks of {size}");
        var wholeBlocks = ordered.Chunk(size).Select((p, i) => BlockInverter.Invert(new PageBlock(i * size, p)));
        var expected = SearchIndexWriter.Plan(wholeBlocks.ToArray(), 4000).Chunks.Select(SearchIndexWriter.ChunkFile);

        var files = SearchIndexWriter.Write(pages, 4000);

        var terms = files.Where(f => f.Path.StartsWith("terms/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected.Select(f => (f.Path, Convert.ToHexString(f.Bytes))),
            terms.Select(f => (f.Path, Convert.ToHexString(f.Bytes))));
    }
}
