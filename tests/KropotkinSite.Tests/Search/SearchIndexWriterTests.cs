using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

public sealed class SearchIndexWriterTests
{
    private static readonly string[] Vocabulary = (
        "land people work village commune prison book letter journey river mountain winter summer exile state " +
        "freedom bread field factory workshop science geography ice plateau map survey expedition cossack officer " +
        "court school teacher brother father mother friend comrade newspaper article pamphlet printer press meeting " +
        "congress federation")
        .Split(' ');

    /// <summary>Pages of random prose from a small vocabulary, each with one word of its own ("uniqueN").</summary>
    private static List<SearchPage> Pages(int count, int seed = 1)
    {
        var random = new Random(seed);
        var pages = new List<SearchPage>();
        for (var i = 0; i < count; i++)
        {
            string Words(int n) =>
                string.Join(' ', Enumerable.Range(0, n).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
            var blocks = new List<TextBlock>
            {
                new(true, Words(3)), new(false, Words(120) + $" unique{i} " + Words(20)),
            };
            pages.Add(new SearchPage($"/p/{i}/", $"/p/{i}/", Words(4), "p", new PageText(Words(4), blocks)));
        }
        return pages;
    }

    private static SearchIndexReader Read(IReadOnlyList<SearchFile> files) =>
        new(files.ToDictionary(f => f.Path, f => f.Bytes));

    /// <summary>Small chunks, so that small sites of test pages are cut as a large site is.</summary>
    private const int ChunkBytes = 4000;

    [Fact]
    public void Terms_are_cut_into_chunks_in_sorted_order_and_each_is_found_by_binary_search_on_first_terms()
    {
        var index = Read(SearchIndexWriter.Write(Pages(300), ChunkBytes));
        Assert.True(index.Chunks.Count > 3, $"{index.Chunks.Count} chunks");
        var all = index.AllEntries.Select(t => t.Text).ToArray();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        foreach (var term in all.Distinct()) Assert.NotNull(index.Find(term).Term);
        Assert.Null(index.Find("zzz-not-indexed").Term);
        // A term's entries, one for each block of pages it is on, give all its pages.
        Assert.Equal(Pages(300).Count(p => p.Terms.Terms.Contains("river")), index.Find("river").Term!.Weights.Count);
    }

    [Fact]
    public void The_bytes_a_rare_term_needs_do_not_grow_with_the_site()
    {
        int ChunkBytesOf(int pages) =>
            Read(SearchIndexWriter.Write(Pages(pages), ChunkBytes)).Find("unique7").Chunk.Bytes;
        var small = ChunkBytesOf(200);
        var large = ChunkBytesOf(5000);
        // A chunk never holds more than ChunkBytes but for a term of its own.
        Assert.InRange(small, 1, ChunkBytes);
        Assert.InRange(large, 1, ChunkBytes);
    }

    [Fact]
    public void A_term_on_every_page_has_a_chunk_of_its_own_larger_than_the_others()
    {
        var index = Read(SearchIndexWriter.Write(Pages(3000), ChunkBytes));
        var (_, term) = index.Find("river");
        Assert.NotNull(term);
        Assert.Equal(Pages(3000).Count(p => p.Terms.Terms.Contains("river")), term.Weights.Count);
        var holding = index.Chunks.Where(c => c.Entries.Any(e => e.Text == "river")).ToArray();
        // Only the first and the last of them may share with other terms; a chunk that begins with it holds it
        // alone, up to OneTermChunks times the size of the others, so that the query for it makes few requests.
        Assert.All(holding.Skip(1).SkipLast(1), c => Assert.All(c.Entries, e => Assert.Equal("river", e.Text)));
        var own = holding.Single(c => c.FirstTerm == "river" && c.Bytes > ChunkBytes);
        Assert.All(own.Entries, e => Assert.Equal("river", e.Text));
        Assert.True(own.Bytes <= SearchIndexWriter.OneTermChunks * ChunkBytes, $"{own.Bytes} bytes");
    }

    [Fact]
    public void The_same_pages_in_any_order_give_the_same_bytes()
    {
        var pages = Pages(200);
        var once = SearchIndexWriter.Write(pages, ChunkBytes);
        var reordered = pages.OrderBy(p => p.Title, StringComparer.Ordinal).Reverse().ToList();
        var shuffled = SearchIndexWriter.Write(reordered, ChunkBytes);
        Assert.Equal(once.Select(f => f.Path), shuffled.Select(f => f.Path));
        Assert.All(once.Zip(shuffled), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
    }

    [Fact]
    public void Pages_are_numbered_in_the_ordinal_order_of_their_addresses()
    {
        string[] hrefs = ["/b/", "/B/", "/a/", "/%C3%A9/"];
        Assert.Equal([3, 1, 2, 0], SearchIndexWriter.OrderOf(hrefs));
    }

    [Fact]
    public void A_title_weighs_more_than_a_heading_and_a_heading_more_than_many_mentions_in_the_body()
    {
        static SearchPage Page(string url, string title, string heading, string body) =>
            new(url, url, title, "", new PageText(title, [new TextBlock(true, heading), new TextBlock(false, body)]));
        var filler = string.Join(' ', Enumerable.Repeat("commune village", 40));
        var index = Read(SearchIndexWriter.Write(
        [
            Page("/a/", "Clairvaux", "Prison", filler),
            Page("/b/", "Prison", "Clairvaux", filler),
            Page("/c/", "Prison", "Years", "Clairvaux Clairvaux Clairvaux Clairvaux Clairvaux " + filler),
            Page("/d/", "Elsewhere", "Other", filler),
        ]));
        var weights = index.Find("clairvaux").Term!.Weights;
        Assert.True(weights[0] > weights[1] && weights[1] > weights[2], string.Join(", ", weights));
        Assert.False(weights.ContainsKey(3));
    }

    [Fact]
    public void A_term_gives_the_address_title_and_section_of_the_pages_whose_title_has_it_and_of_no_other()
    {
        static SearchPage Page(string url, string title, string body) =>
            new(url, "/base" + url, title, "life", new PageText(title, [new TextBlock(false, body)]));
        var pages = new List<SearchPage>
        {
            Page("/a/", "In Clairvaux prison", "Letters from the prison."),
            Page("/b/", "Letters", "Years in Clairvaux, and in prisons."),
            Page("/c/", "Prisons of France", "Clairvaux again."),
        };
        // Enough pages for several blocks: a term's cards come from each block it is on.
        for (var i = 0; i < SearchIndexWriter.MinBlockPages * 2; i++) pages.Add(Page($"/x{i:D3}/", "Other", "Text."));
        pages.Add(Page("/z/", "Clairvaux abbey", "An abbey."));
        var index = Read(SearchIndexWriter.Write(pages));
        var clairvaux = index.Find("clairvaux").Term!;
        Assert.Equal([0, 1, 2, pages.Count - 1], clairvaux.Weights.Keys.Order());
        Assert.Equal([0, pages.Count - 1], clairvaux.Cards.Keys.Order());
        Assert.Equal(new SearchIndexReader.Card("/base/a/", "In Clairvaux prison", "life"), clairvaux.Cards[0]);
        Assert.Equal("Clairvaux abbey", clairvaux.Cards[pages.Count - 1].Title);
        // "prisons" is stemmed as the title's "prison" is.
        Assert.Equal([0, 2], index.Find("prison").Term!.Cards.Keys.Order());
        Assert.Empty(index.Find("year").Term!.Cards);
    }

    [Fact]
    public void Two_words_that_stand_together_are_recorded_as_a_pair_and_words_apart_are_not()
    {
        static SearchPage Page(string url, string body) =>
            new(url, url, "Page", "", new PageText("Page", [new TextBlock(false, body)]));
        var index = Read(SearchIndexWriter.Write(
        [
            Page("/a/", "The great ice age of the north."),
            Page("/b/", "Ice covered the land for an age."),
            Page("/c/", "Ice."),
        ]));
        // "ice" and "age" are indexed by their stems.
        var ice = index.Find(PorterStemmer.Stem("ice")).Term!;
        Assert.Equal([0], ice.PagesFollowedBy[PorterStemmer.Stem("age")]);
        Assert.Equal([0, 1, 2], ice.Weights.Keys.Order());
    }

    [Fact]
    public void Each_page_file_holds_its_address_title_section_and_text_and_the_meta_file_names_the_sections()
    {
        SearchPage[] pages =
        [
            new SearchPage("/life/siberia/", "/sub/life/siberia/", "Siberia", "life",
                new PageText("Siberia", [new TextBlock(true, "Amur"), new TextBlock(false, "He sailed.")])),
            new SearchPage("/life/", "/sub/life/", "His life", "", new PageText("His life", [])),
            new SearchPage("/places/moscow/", "/sub/places/moscow/", "Moscow", "places", new PageText("Moscow", [])),
        ];
        var eachInItsOwn = SearchIndexWriter.Write(pages, pagesInOneFileBytes: 0);
        var allInOne = SearchIndexWriter.Write(pages);
        static string Json(IReadOnlyList<SearchFile> files, string path) =>
            Encoding.UTF8.GetString(SearchIndexReader.Inflate(files.Single(f => f.Path == path).Bytes));
        var siberia = "{\"u\":\"/sub/life/siberia/\",\"t\":\"Siberia\",\"s\":\"life\",\"x\":\"Amur\\nHe sailed.\"}";
        Assert.Equal(siberia, Json(eachInItsOwn, "pages/1.bin"));
        Assert.Equal(siberia, Read(allInOne).Page(1).GetRawText());
        Assert.DoesNotContain(allInOne, f => f.Path.StartsWith("pages/", StringComparison.Ordinal));
        Assert.Contains("\"sections\":{\"life\":\"His life\",\"places\":\"places\"}",
            Json(allInOne, SearchIndexWriter.MetaFile));
    }

    [Fact]
    public void A_page_text_is_escaped_as_one_json_string_would_be()
    {
        string[] texts =
            ["He said \"mutual aid\" \\ <b> & 'so'", "tab\there\u0001, \u2028 and \U0001F600", "", "end\r"];
        var files = SearchIndexWriter.Write([new SearchPage("/q/", "/q/", "Quotes", "",
            new PageText("Quotes", texts.Select(t => new TextBlock(false, t)).ToList()))], pagesInOneFileBytes: 0);
        using var expected = new MemoryStream();
        using (var json = new Utf8JsonWriter(expected,
                   new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("u", "/q/");
            json.WriteString("t", "Quotes");
            json.WriteString("s", "");
            json.WriteString("x", string.Join("\n", texts));
            json.WriteEndObject();
        }
        Assert.Equal(expected.ToArray(), SearchIndexReader.Inflate(files.Single(f => f.Path == "pages/0.bin").Bytes));
    }

    [Fact]
    public void A_long_page_file_holds_the_head_of_its_text_and_a_second_file_the_rest()
    {
        var blocks = Enumerable.Range(0, 60).Select(i => new TextBlock(false, $"Paragraph {i} of the long page."))
            .ToList();
        var files = SearchIndexWriter.Write(
            [new SearchPage("/long/", "/long/", "Long", "", new PageText("Long", blocks))], pagesInOneFileBytes: 0);
        JsonElement Json(string path) => JsonDocument.Parse(
            SearchIndexReader.Inflate(files.Single(f => f.Path == path).Bytes)).RootElement;
        var head = Json("pages/0.bin");
        Assert.Equal(1, head.GetProperty("m").GetInt32());
        Assert.InRange(head.GetProperty("x").GetString()!.Length, 1000, SearchIndexWriter.HeadChars);
        Assert.Equal(string.Join("\n", blocks.Select(b => b.Text)),
            head.GetProperty("x").GetString() + Json("pages/0.more.bin").GetProperty("x").GetString());
    }

    [Fact]
    public void A_small_site_has_its_pages_in_one_file_and_a_large_one_each_page_in_its_own()
    {
        Assert.True(Read(SearchIndexWriter.Write(Pages(20))).PagesInOneFile);
        var large = SearchIndexWriter.Write(Pages(1000));
        Assert.False(Read(large).PagesInOneFile);
        Assert.Equal(1000, large.Count(f => f.Path.StartsWith("pages/", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_edit_of_one_page_changes_only_the_chunks_that_hold_its_terms()
    {
        static SearchPage Page(string body) =>
            new("/own/", "/own/", "Own", "", new PageText("Own", [new TextBlock(false, body)]));
        var pages = Pages(400);
        var before = SearchIndexWriter.Write([.. pages, Page("alpha beta gamma")], ChunkBytes);
        var after = SearchIndexWriter.Write([.. pages, Page("alpha beta gamma gamma")], ChunkBytes);
        var index = Read(after);
        var holding = new[] { "alpha", "beta", "gamma", "own" }.Select(t => index.Find(t).Chunk.File).Distinct();
        var changed = after.Where(f => f.Path.StartsWith("terms/", StringComparison.Ordinal))
            .Where(f => !before.Any(b => b.Path == f.Path && b.Bytes.SequenceEqual(f.Bytes)))
            .Select(f => f.Path).ToArray();
        Assert.NotEmpty(changed);
        Assert.Subset(holding.ToHashSet(), changed.ToHashSet());
        Assert.True(index.Chunks.Count > 20, $"{index.Chunks.Count} chunks");
    }

    [Fact]
    public void A_site_without_pages_has_an_index_with_no_chunks()
    {
        var index = Read(SearchIndexWriter.Write([]));
        Assert.Equal(0, index.PageCount);
        Assert.Empty(index.Chunks);
    }
}
