using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KropotkinSite.Search;

/// <summary>
/// Writes the search index of a site, as files the browser script fetches only as it needs them:
/// <list type="bullet">
/// <item><c>meta.bin</c>: the number of pages, the sections' titles, where the pages' files are, and the table of
/// term chunks (each chunk's first term, its number of entries, its file and its last term), so a query finds the
/// chunks of a term by binary search, and fetches none when no chunk can hold it;</item>
/// <item><c>terms/HASH.bin</c>: the entries of the terms (<see cref="BlockInverter"/>: a term's pages, its weight
/// on each (<see cref="PageTerms.Weight"/>), the address, title and section of the pages whose title has it, and
/// the pages where another term follows it, one entry for each block of pages it is on), in the order of the
/// terms, cut into chunks of at most <see cref="ChunkBytes"/>;</item>
/// <item><c>pages/N.bin</c>: each page's address, title, section and text (a long page's head, and the rest in
/// <c>pages/N.more.bin</c>), for the results and their excerpts (made with the page:
/// <see cref="PageFiles"/>); on a small site all of them, whole, in one file,
/// <c>pages.bin</c>.</item>
/// </list>
/// Every file is compressed with gzip (the script inflates it with the browser's DecompressionStream); the chunks
/// are varints, read without a parser, the others JSON. So a query fetches a few small chunks whatever the size
/// of the site. The output depends on the pages alone.
/// <para>The pages are turned around in parts of <see cref="MinBlockPages"/>, whose entries are merged into their
/// block's, and chunks are cut where the entries say, not only where the bytes run out: a chunk that has reached
/// half its size ends before an entry whose hash marks it (<see cref="IsCutPoint"/>). So an edit of a page turns
/// around again its part, merges its block's entries, and makes again the chunks that hold the entries that
/// changed; the other chunks stay the same files.</para>
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>
    /// At most how many bytes a chunk of several terms holds before compression (a term with more has chunks of its
    /// own: <see cref="OneTermChunks"/>): about 20 KB once compressed, Pagefind's size. On a large site a word costs
    /// one chunk of that size (or its own postings), however large the site.
    /// </summary>
    public const int ChunkBytes = 60_000;

    /// <summary>
    /// How many times <see cref="ChunkBytes"/> a chunk that holds one term alone may grow to. A query for the term
    /// reads all of its entries, so larger chunks cost it no byte more, and fewer requests: a browser asks a host
    /// for at most six files at a time over HTTP/1.1, and a common word in chunks of 60 KB took three.
    /// </summary>
    public const int OneTermChunks = 8;

    /// <summary>
    /// A site whose terms take no more than this many chunks has them in one chunk, and one whose page files
    /// together are no larger than <see cref="PagesInOneFileBytes"/> has them in one file: its first query
    /// fetches its whole index, costing about what the page files of a few queries would, and every later query
    /// fetches nothing.
    /// </summary>
    public const double ChunksInOne = 2.5;

    public const int PagesInOneFileBytes = 64 * 1024;

    public const string MetaFile = "meta.bin";

    public const string PagesFile = "pages.bin";

    /// <summary>zlib's compression levels (.NET's "optimal" is 6): for the pages' text level 2 is within 3 % of 6
    /// in size in two thirds of its time, and for the chunks' numbers level 3 within 4 % in half its time; the
    /// rest of a long page's text, seldom fetched, takes level 1 (a third larger, in half the time of 2); the
    /// meta file and a small site's one file of pages are few and small.</summary>
    private const int PageLevel = 2, RestLevel = 1, ChunkLevel = 3, SmallFileLevel = 6;

    /// <summary>One entry in this many (by the hash of its term and block) may start a chunk.</summary>
    private const int CutPointEvery = 8;

    private static readonly JsonWriterOptions JsonOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// How many pages a block has (<see cref="PageBlock"/>): at least <see cref="MinBlockPages"/>, and more on a
    /// large site, so that it has at most <see cref="MaxBlocks"/>. An edit merges its block's entries again
    /// (<see cref="BlockMerger"/>), so a block wants to be small; but a term has an entry in every block it is on,
    /// each naming the terms that follow it there, so a common term's bytes grow with the number of blocks.
    /// </summary>
    public static int BlockPagesOf(int pages) =>
        Math.Max(MinBlockPages, (pages + MaxBlocks - 1) / MaxBlocks + MinBlockPages - 1) / MinBlockPages
        * MinBlockPages;

    public const int MinBlockPages = 128, MaxBlocks = 8;

    /// <summary>The whole index in one go: the steps <see cref="WriteSearchIndex"/> takes one by one.</summary>
    public static IReadOnlyList<SearchFile> Write(IReadOnlyList<SearchPage> pages, int chunkBytes = ChunkBytes,
        int pagesInOneFileBytes = PagesInOneFileBytes)
    {
        var ordered = Order(pages);
        var parts = Parts(ordered).Select(BlockInverter.InvertPart).ToArray();
        var plan = Plan(Blocks(parts, ordered.Length).Select(BlockMerger.Merge).ToArray(), chunkBytes);
        return Files(ordered, plan, plan.Chunks.Select(ChunkFile).ToArray(), pagesInOneFileBytes);
    }

    /// <summary>The pages in the order they are numbered: by their addresses.</summary>
    public static SearchPage[] Order(IReadOnlyList<SearchPage> pages) =>
        Arrange(pages, OrderOf([.. pages.Select(p => p.Href)]));

    /// <summary>Where each page goes in that order, from the pages' addresses alone: an edit that keeps them all
    /// keeps the order, and the pages are not sorted again.</summary>
    public static int[] OrderOf(IReadOnlyList<string> hrefs)
    {
        var order = Enumerable.Range(0, hrefs.Count).ToArray();
        Array.Sort(hrefs.ToArray(), order, StringComparer.Ordinal);
        return order;
    }

    /// <summary>The pages in the order given by <see cref="OrderOf"/>.</summary>
    public static SearchPage[] Arrange(IReadOnlyList<SearchPage> pages, int[] order)
    {
        var ordered = new SearchPage[order.Length];
        for (var i = 0; i < order.Length; i++) ordered[i] = pages[order[i]];
        return ordered;
    }

    /// <summary>The numbered pages in parts of <see cref="MinBlockPages"/>, each turned around on its own
    /// (<see cref="BlockInverter.InvertPart"/>): an edit turns around again only its page's part.</summary>
    public static PageBlock[] Parts(IReadOnlyList<SearchPage> ordered) =>
        [.. ordered.Chunk(MinBlockPages).Select((pages, i) => new PageBlock(i * MinBlockPages, pages))];

    /// <summary>The parts of a site of <paramref name="pages"/> pages grouped in blocks
    /// (<see cref="BlockPagesOf"/>), whose entries are merged from theirs (<see cref="BlockMerger"/>).</summary>
    public static BlockPart[][] Blocks(IReadOnlyList<BlockPart> parts, int pages) =>
        [.. parts.Chunk(BlockPagesOf(pages) / MinBlockPages)];

    /// <summary>Each block's layout with its merged entries (<see cref="BlockMerger.Assemble"/>), given the merged
    /// entries of all blocks one after the other.</summary>
    public static (BlockLayout Layout, byte[][] Merged)[] WithMerged(IReadOnlyList<BlockLayout> layouts,
        IReadOnlyList<byte[]> merged)
    {
        var blocks = new (BlockLayout, byte[][])[layouts.Count];
        var at = 0;
        for (var b = 0; b < blocks.Length; b++)
        {
            var own = new byte[layouts[b].Merges.Count][];
            for (var m = 0; m < own.Length; m++) own[m] = merged[at++];
            blocks[b] = (layouts[b], own);
        }
        return blocks;
    }

    /// <summary>The blocks' entries in the order of their terms, then of their blocks, cut into chunks: all in
    /// one when they are few; else a chunk ends before an entry that would take it past
    /// <paramref name="chunkBytes"/>, or at a cut point once it holds half that; but a chunk that holds one term
    /// alone ends only where the term does or at <see cref="OneTermChunks"/> times that size.</summary>
    public static SearchPlan Plan(IReadOnlyList<BlockTerms> blocks, int chunkBytes = ChunkBytes)
    {
        var oneChunk = AtMost(blocks, ChunksInOne * chunkBytes);
        var chunks = new List<TermChunk>();
        var entries = new List<byte[]>();
        var (first, firstBlock, last, size) = ("", 0, "", 0);
        foreach (var (term, block, entry) in InOrder(blocks))
        {
            // A chunk that holds one term alone (its first is this one) is read whole by the query for that term.
            var alone = first == term;
            if (!oneChunk && entries.Count > 0 && (alone
                    ? size + entry.Length > OneTermChunks * chunkBytes
                    : size + entry.Length > chunkBytes || (size >= chunkBytes / 2 && IsCutPoint(term, block))))
            {
                chunks.Add(new TermChunk(first, firstBlock, last, [.. entries]));
                (entries, size) = ([], 0);
            }
            if (entries.Count == 0) (first, firstBlock) = (term, block);
            entries.Add(entry);
            (last, size) = (term, size + entry.Length);
        }
        if (entries.Count > 0) chunks.Add(new TermChunk(first, firstBlock, last, [.. entries]));
        return new SearchPlan(chunks);
    }

    /// <summary>Whether the blocks' entries take no more than <paramref name="bytes"/>: on a large site the first
    /// entries tell, and the others are not read.</summary>
    private static bool AtMost(IReadOnlyList<BlockTerms> blocks, double bytes)
    {
        long all = 0;
        foreach (var block in blocks)
            foreach (var entry in block.Entries)
                if ((all += entry.Length) > bytes) return false;
        return true;
    }

    /// <summary>The blocks' entries in the order of their keys, then of their blocks: each block's keys are sorted,
    /// so the lists are merged, a key at a time, rather than gathered and sorted again.</summary>
    private static IEnumerable<(string Key, int Block, byte[] Entry)> InOrder(IReadOnlyList<BlockTerms> blocks)
    {
        var at = new int[blocks.Count];
        while (true)
        {
            string? next = null;
            for (var b = 0; b < blocks.Count; b++)
                if (at[b] < blocks[b].Terms.Count
                    && (next is null || string.CompareOrdinal(blocks[b].Terms[at[b]], next) < 0))
                    next = blocks[b].Terms[at[b]];
            if (next is null) yield break;
            for (var b = 0; b < blocks.Count; b++)
                if (at[b] < blocks[b].Terms.Count && blocks[b].Terms[at[b]] == next)
                {
                    yield return (next, blocks[b].First, blocks[b].Entries[at[b]]);
                    at[b]++;
                }
        }
    }

    /// <summary>A chunk's file: its entries one after the other, compressed, named by a hash of them.</summary>
    public static SearchFile ChunkFile(TermChunk chunk)
    {
        using var bytes = new PooledBytes(chunk.Entries.Sum(e => e.Length));
        foreach (var entry in chunk.Entries) bytes.Write(entry);
        return new("terms/" + Convert.ToHexStringLower(SHA256.HashData(bytes.Written))[..12] + ".bin",
            Gzip(bytes.Written, ChunkLevel));
    }

    /// <summary>All the index's files: the pages' (<see cref="PageFilesOf"/>), then the others
    /// (<see cref="IndexFiles"/>).</summary>
    public static IReadOnlyList<SearchFile> Files(IReadOnlyList<SearchPage> pages, SearchPlan plan,
        IReadOnlyList<SearchFile> chunkFiles, int pagesInOneFileBytes = PagesInOneFileBytes)
    {
        var inOne = PagesInOneFile(pages, pagesInOneFileBytes);
        return
        [
            .. inOne ? [] : pages.SelectMany((page, id) => PageFilesOf(id, page)),
            .. IndexFiles(pages, SectionTitles([.. pages.Select(SectionEntry)]), plan, chunkFiles, inOne),
        ];
    }

    /// <summary>Whether a site's pages go in one file: when there are some, and their files together are no
    /// larger than <paramref name="pagesInOneFileBytes"/>.</summary>
    public static bool PagesInOneFile(IReadOnlyList<SearchPage> pages, int pagesInOneFileBytes = PagesInOneFileBytes)
    {
        long bytes = 0;
        foreach (var page in pages)
        {
            bytes += page.File.Length + (page.More?.Length ?? 0);
            if (bytes > pagesInOneFileBytes) return false; // a large site's first pages tell: no need to read all
        }
        return pages.Count > 0;
    }

    /// <summary>The files of the page numbered <paramref name="id"/>, when each page has its own.</summary>
    public static SearchFile[] PageFilesOf(int id, SearchPage page) => page.More is { } more
        ? [new($"pages/{id}.bin", page.File), new($"pages/{id}.more.bin", more)]
        : [new($"pages/{id}.bin", page.File)];

    /// <summary>All the pages in one file when they go in one, the meta file, and the chunks' files.</summary>
    public static IReadOnlyList<SearchFile> IndexFiles(IReadOnlyList<SearchPage> pages,
        IReadOnlyList<(string Section, string Title)> sections, SearchPlan plan, IReadOnlyList<SearchFile> chunkFiles,
        bool pagesInOne)
    {
        var files = new List<SearchFile>(chunkFiles.Count + 2);
        if (pagesInOne)
        {
            using var json = PagesInOne(pages);
            files.Add(new SearchFile(PagesFile, Gzip(json.Written, SmallFileLevel)));
        }
        files.Add(new SearchFile(MetaFile,
            Gzip(Meta(pages.Count, sections, plan, chunkFiles, pagesInOne), SmallFileLevel)));
        files.AddRange(chunkFiles);
        return files;
    }

    /// <summary>
    /// A page's files, as gzip JSON: its address, title, section and text (<c>{"u","t","s","x"}</c>); for a page
    /// whose text is longer than <see cref="HeadChars"/>, only its head, with <c>"m":1</c>, and a second file with
    /// the rest (<c>{"x"}</c>). A result's excerpt is taken from the head when the head has a word the reader
    /// looked for, which it mostly has; only otherwise is the rest fetched. So a result costs the bytes of its
    /// head, not of its whole text.
    /// </summary>
    public static (byte[] File, byte[]? More) PageFiles(string href, string title, string section, PageText text)
    {
        var length = Math.Max(0, text.Blocks.Count - 1);
        foreach (var block in text.Blocks) length += block.Text.Length;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var whole = Joined(text, buffer.AsSpan(0, length));
            if (whole.Length <= HeadChars) return (PageJson(href, title, section, whole, false, PageLevel), null);
            var cut = whole[..HeadChars].LastIndexOfAny(' ', '\n');
            if (cut <= 0) cut = HeadChars;
            if (char.IsHighSurrogate(whole[cut - 1])) cut--;
            return (PageJson(href, title, section, whole[..cut], true, PageLevel), RestJson(whole[cut..], RestLevel));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A page's blocks one after the other, a line break between two, into <paramref name="into"/>.
    /// </summary>
    private static ReadOnlySpan<char> Joined(PageText text, Span<char> into)
    {
        var at = 0;
        for (var i = 0; i < text.Blocks.Count; i++)
        {
            var block = text.Blocks[i];
            if (i > 0) into[at++] = '\n';
            block.Text.CopyTo(into[at..]);
            at += block.Text.Length;
        }
        return into[..at];
    }

    /// <summary>How much of a page's text its first file holds (about a screen of text).</summary>
    public const int HeadChars = 1500;

    /// <summary>A page's JSON, compressed at <paramref name="level"/>.</summary>
    private static byte[] PageJson(string href, string title, string section, ReadOnlySpan<char> text, bool more,
        int level)
    {
        using var buffer = new PooledBytes(text.Length + href.Length + title.Length + 64);
        WritePageJson(buffer, href, title, section, text, more);
        return Gzip(buffer.Written, level);
    }

    private static void WritePageJson(PooledBytes buffer, string href, string title, string section,
        ReadOnlySpan<char> text, bool more)
    {
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("u", href);
            json.WriteString("t", title);
            json.WriteString("s", section);
            WriteText(json, text);
            if (more) json.WriteNumber("m", 1);
            json.WriteEndObject();
        }
    }

    /// <summary>The rest of a long page's text as JSON, compressed at <paramref name="level"/>.</summary>
    private static byte[] RestJson(ReadOnlySpan<char> text, int level)
    {
        using var buffer = new PooledBytes(text.Length + 64);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            WriteText(json, text);
            json.WriteEndObject();
        }
        return Gzip(buffer.Written, level);
    }

    /// <summary>Writes a page's text (<c>"x"</c>) a line at a time: the same bytes as one string, but only the line
    /// breaks go through the encoder's escaping, where one string would go through it from its first line break
    /// to its end.</summary>
    private static void WriteText(Utf8JsonWriter json, ReadOnlySpan<char> text)
    {
        json.WritePropertyName("x");
        var first = true;
        foreach (var line in text.Split('\n'))
        {
            if (!first) json.WriteStringValueSegment("\n", false);
            first = false;
            json.WriteStringValueSegment(text[line], false);
        }
        json.WriteStringValueSegment(ReadOnlySpan<char>.Empty, true);
    }

    /// <summary>All pages' JSON as one array, in the order of their numbers, each with its whole text (read back
    /// from its files: the pages go in one file only when those are small).</summary>
    private static PooledBytes PagesInOne(IReadOnlyList<SearchPage> pages)
    {
        var buffer = new PooledBytes(PagesInOneFileBytes);
        buffer.Write("["u8);
        for (var i = 0; i < pages.Count; i++)
        {
            if (i > 0) buffer.Write(","u8);
            var page = pages[i];
            var text = TextOf(page.File) + (page.More is { } more ? TextOf(more) : "");
            WritePageJson(buffer, page.Href, page.Title, page.Section, text, false);
        }
        buffer.Write("]"u8);
        return buffer;
    }

    /// <summary>The text (<c>"x"</c>) of a page's file.</summary>
    private static string TextOf(byte[] file)
    {
        using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        return json.RootElement.GetProperty("x").GetString()!;
    }

    /// <summary>Whether a chunk that has reached half its size may end before this entry: one in
    /// <see cref="CutPointEvery"/>, by a hash of its term and block that is the same in every run.</summary>
    private static bool IsCutPoint(string term, int block)
    {
        var hash = 2166136261u;
        foreach (var c in term) hash = (hash ^ c) * 16777619u;
        hash = (hash ^ (uint)block) * 16777619u;
        return (hash >> 8) % CutPointEvery == 0;
    }

    /// <summary>The meta file: the number of pages, the titles of the sections (by folder; a section without a
    /// page of its own is named by its folder), whether the pages are in one file, and the table of chunks.
    /// </summary>
    private static byte[] Meta(int pages, IReadOnlyList<(string Section, string Title)> sections, SearchPlan plan,
        IReadOnlyList<SearchFile> chunkFiles, bool pagesInOne)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("pages", pages);
            json.WriteStartObject("sections");
            foreach (var (section, title) in sections) json.WriteString(section, title);
            json.WriteEndObject();
            if (pagesInOne) json.WriteString("pagesFile", PagesFile);
            json.WriteStartArray("chunks");
            for (var i = 0; i < plan.Chunks.Count; i++)
            {
                json.WriteStartArray();
                json.WriteStringValue(plan.Chunks[i].FirstTerm);
                json.WriteNumberValue(plan.Chunks[i].Entries.Count);
                json.WriteStringValue(chunkFiles[i].Path);
                json.WriteStringValue(plan.Chunks[i].LastTerm);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>What <see cref="SectionTitles"/> reads of a page: its section, and its address and title only when
    /// the address is a top folder's (<c>/folder/</c>), which a section's own page has: so a retitled page that
    /// could be no section's keeps its entry, and the sections' titles are not made again.</summary>
    public static (string? Url, string? Title, string Section) SectionEntry(SearchPage page) =>
        IsTopFolder(page.Url) ? (page.Url, page.Title, page.Section) : (null, null, page.Section);

    private static bool IsTopFolder(string url) =>
        url.Length > 2 && url[0] == '/' && url[^1] == '/' && url.AsSpan(1, url.Length - 2).IndexOf('/') < 0;

    /// <summary>The sections' titles by folder, in order: a section's own page's title, else its folder. Read from
    /// the pages' <see cref="SectionEntry"/> alone, so that an edit that keeps every page's title does not make them
    /// again.</summary>
    public static (string Section, string Title)[] SectionTitles(
        IReadOnlyList<(string? Url, string? Title, string Section)> pages)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pages)
            if (page.Url is { } url) titles.TryAdd(url, page.Title!);
        return [.. pages.Select(p => p.Section).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(s => (s, titles.GetValueOrDefault("/" + s + "/") ?? s))];
    }

    /// <summary>gzip with no file name or time in its header, so the same JSON gives the same bytes.</summary>
    /// <remarks>The bytes are compressed into a buffer borrowed from the shared pool, as large as zlib's most
    /// conservative bound (deflateBound: an eighth and a sixty-fourth more, and its headers), so only the result
    /// is allocated.</remarks>
    private static byte[] Gzip(ReadOnlySpan<byte> data, int level)
    {
        var bound = data.Length + data.Length / 8 + data.Length / 64 + 128;
        var output = ArrayPool<byte>.Shared.Rent(bound);
        try
        {
            using var buffer = new MemoryStream(output, 0, bound, writable: true);
            using (var gzip = new GZipStream(buffer, new ZLibCompressionOptions { CompressionLevel = level },
                       leaveOpen: true))
                gzip.Write(data);
            return output.AsSpan(0, (int)buffer.Position).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }
}
