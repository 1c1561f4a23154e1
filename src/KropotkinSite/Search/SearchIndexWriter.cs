using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KropotkinSite.Search;

/// <summary>
/// Writes the search index of a site, as files the browser script fetches only as it needs them:
/// <list type="bullet">
/// <item><c>meta.bin</c>: the number of pages, the sections' titles, where the pages' files are, and the table of
/// term chunks (each chunk's first term, its number of terms, its file and its last term), so a query finds the
/// chunk of a term by binary search, and fetches none when no chunk can hold it;</item>
/// <item><c>terms/HASH.bin</c>: the terms in sorted order, cut into chunks of at most <see cref="ChunkBytes"/>;
/// each term with the pages it is in and its weight on each (<see cref="PageTerms.Weight"/>), and the pages
/// where it is followed by another term, by that term (two-word phrases);</item>
/// <item><c>pages/N.bin</c>: each page's address, title, section and text, for the results and their excerpts
/// (made with the page: <see cref="SearchPage.File"/>); on a small site all of them in one file,
/// <c>pages.bin</c>.</item>
/// </list>
/// Every file is JSON compressed with gzip (the script inflates it with the browser's DecompressionStream), so
/// a query fetches a few small chunks whatever the size of the site. The output depends on the pages alone.
/// <para>Chunks are cut where the terms say, not only where the bytes run out: a chunk that has reached half its
/// size ends before a term whose hash marks it (<see cref="IsCutPoint"/>), so that a page's edit, which changes
/// the size of its terms' entries, moves no boundary but its own chunk's, and the other chunks stay the same
/// files.</para>
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>
    /// At most how much uncompressed JSON a chunk of terms holds (a term with more is a chunk by itself): about
    /// 20 KB once compressed, Pagefind's size. On a large site a word costs one chunk of that size (or its own
    /// postings), however large the site.
    /// </summary>
    public const int ChunkBytes = 60_000;

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
    /// meta file and a small site's one file of pages are few and small.</summary>
    private const int PageLevel = 2, ChunkLevel = 3, SmallFileLevel = 6;

    /// <summary>One term in this many (by its hash) may start a chunk.</summary>
    private const int CutPointEvery = 8;

    private static readonly JsonWriterOptions JsonOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The whole index in one go: <see cref="Plan"/>, <see cref="ChunkFile"/> for each chunk, then
    /// <see cref="Files"/>.</summary>
    public static IReadOnlyList<SearchFile> Write(IReadOnlyList<SearchPage> pages, int chunkBytes = ChunkBytes,
        int pagesInOneFileBytes = PagesInOneFileBytes)
    {
        var plan = Plan(pages, chunkBytes);
        return Files(plan, plan.Chunks.Select(c => ChunkFile(c.Json)).ToArray(), pagesInOneFileBytes);
    }

    /// <summary>Numbers the pages (in the order of their addresses), inverts their terms and cuts the terms into
    /// chunks.</summary>
    public static SearchPlan Plan(IReadOnlyList<SearchPage> pages, int chunkBytes = ChunkBytes)
    {
        var ordered = pages.ToArray();
        Array.Sort(ordered.Select(p => p.Href).ToArray(), ordered, StringComparer.Ordinal);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in ordered) titles.TryAdd(page.Url, page.Title);
        var sections = ordered.Select(p => p.Section).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(s => KeyValuePair.Create(s, titles.GetValueOrDefault("/" + s + "/") ?? s)).ToArray();
        return new SearchPlan(ordered, sections, new Inversion(ordered).Chunks(chunkBytes));
    }

    /// <summary>A chunk's file: its JSON compressed, named by a hash of it.</summary>
    public static SearchFile ChunkFile(byte[] json) =>
        new("terms/" + Convert.ToHexStringLower(SHA256.HashData(json))[..12] + ".bin", Gzip(json, ChunkLevel));

    /// <summary>The pages' files and the meta file, then the chunks' files.</summary>
    public static IReadOnlyList<SearchFile> Files(SearchPlan plan, IReadOnlyList<SearchFile> chunkFiles,
        int pagesInOneFileBytes = PagesInOneFileBytes)
    {
        var pages = plan.Pages;
        var inOne = pages.Count > 0 && pages.Sum(p => (long)p.File.Length) <= pagesInOneFileBytes;
        var files = new List<SearchFile>(chunkFiles.Count + pages.Count + 1);
        if (inOne) files.Add(new SearchFile(PagesFile, Gzip(PagesInOne(pages), SmallFileLevel)));
        else
            for (var i = 0; i < pages.Count; i++) files.Add(new SearchFile($"pages/{i}.bin", pages[i].File));
        files.Add(new SearchFile(MetaFile, Gzip(Meta(plan, chunkFiles, inOne), SmallFileLevel)));
        files.AddRange(chunkFiles);
        return files;
    }

    /// <summary>A page's file: its address, title, section and text, as gzip JSON.</summary>
    public static byte[] PageFile(string href, string title, string section, PageText text) =>
        Gzip(PageJson(href, title, section, text), PageLevel);

    private static byte[] PageJson(string href, string title, string section, PageText text)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("u", href);
            json.WriteString("t", title);
            json.WriteString("s", section);
            json.WriteString("x", string.Join("\n", text.Blocks.Select(b => b.Text)));
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>All pages' JSON as one array, in the order of their numbers.</summary>
    private static byte[] PagesInOne(IReadOnlyList<SearchPage> pages)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte((byte)'[');
        for (var i = 0; i < pages.Count; i++)
        {
            if (i > 0) buffer.WriteByte((byte)',');
            buffer.Write(PageJson(pages[i].Href, pages[i].Title, pages[i].Section, pages[i].Text));
        }
        buffer.WriteByte((byte)']');
        return buffer.ToArray();
    }

    /// <summary>Whether a chunk that has reached half its size may end before this term: one term in
    /// <see cref="CutPointEvery"/>, by a hash of its letters that is the same in every run.</summary>
    private static bool IsCutPoint(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term) hash = (hash ^ c) * 16777619u;
        return hash % CutPointEvery == 0;
    }

    /// <summary>The pages' terms turned around: for each term of the site, in sorted order, its entry
    /// <c>["term",[page,weight,…],[["next term",page,…],…]]</c>, pages as differences from the one before. The
    /// term that follows is named, not numbered, so that a new term changes only the entries that hold it.
    /// </summary>
    private sealed class Inversion
    {
        private readonly string[] _terms; // by rank, sorted
        private readonly JsonBytes _entries = new();
        private readonly int[] _entryStart; // by rank, and one past the last

        public Inversion(SearchPage[] pages)
        {
            // Each page's terms as ids, in the order the site first has them; then the ids as ranks.
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var names = new List<string>();
            var pageIds = new int[pages.Length][];
            for (var p = 0; p < pages.Length; p++)
            {
                var terms = pages[p].Terms.Terms;
                var mapped = pageIds[p] = new int[terms.Count];
                for (var i = 0; i < mapped.Length; i++)
                {
                    ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                        ids, terms[i], out var known);
                    if (!known)
                    {
                        id = names.Count;
                        names.Add(terms[i]);
                    }
                    mapped[i] = id;
                }
            }
            _terms = [.. names];
            var byRank = Enumerable.Range(0, _terms.Length).ToArray();
            Array.Sort(_terms, byRank, StringComparer.Ordinal);
            var rank = new int[byRank.Length];
            for (var r = 0; r < byRank.Length; r++) rank[byRank[r]] = r;
            foreach (var mapped in pageIds)
                for (var i = 0; i < mapped.Length; i++) mapped[i] = rank[mapped[i]];

            // Postings and pairs, each term's in one stretch of a flat array, pages in order.
            var postingStart = new int[_terms.Length + 1];
            var pairStart = new int[_terms.Length + 1];
            for (var p = 0; p < pages.Length; p++)
            {
                foreach (var r in pageIds[p]) postingStart[r + 1]++;
                foreach (var pair in pages[p].Terms.Pairs) pairStart[pageIds[p][(int)(pair >> 32)] + 1]++;
            }
            for (var r = 0; r < _terms.Length; r++)
            {
                postingStart[r + 1] += postingStart[r];
                pairStart[r + 1] += pairStart[r];
            }
            var postingPage = new int[postingStart[^1]];
            var postingWeight = new int[postingStart[^1]];
            var pairNext = new int[pairStart[^1]];
            var pairPage = new int[pairStart[^1]];
            var postingAt = postingStart[..^1];
            var pairAt = pairStart[..^1];
            for (var p = 0; p < pages.Length; p++)
            {
                var mapped = pageIds[p];
                var weights = pages[p].Terms.Weights;
                for (var i = 0; i < mapped.Length; i++)
                {
                    var at = postingAt[mapped[i]]++;
                    (postingPage[at], postingWeight[at]) = (p, weights[i]);
                }
                foreach (var pair in pages[p].Terms.Pairs)
                {
                    var at = pairAt[mapped[(int)(pair >> 32)]]++;
                    (pairNext[at], pairPage[at]) = (mapped[(int)pair], p);
                }
            }

            _entryStart = new int[_terms.Length + 1];
            var pagesOf = new int[_terms.Length]; // scratch: pages of each next term of the term being written
            var placeOf = new int[_terms.Length];
            var followers = new List<int>();
            var grouped = new int[pairPage.Length];
            for (var r = 0; r < _terms.Length; r++)
            {
                _entryStart[r] = _entries.Length;
                _entries.Ascii("[\"").Text(_terms[r]).Ascii("\",[");
                var previous = 0;
                for (var at = postingStart[r]; at < postingStart[r + 1]; at++)
                {
                    if (at > postingStart[r]) _entries.Byte(',');
                    _entries.Number(postingPage[at] - previous).Byte(',').Number(postingWeight[at]);
                    previous = postingPage[at];
                }
                _entries.Byte(']');
                if (pairStart[r] < pairStart[r + 1])
                {
                    // The pairs grouped by the term that follows, in its order, each group's pages in order.
                    followers.Clear();
                    for (var at = pairStart[r]; at < pairStart[r + 1]; at++)
                        if (pagesOf[pairNext[at]]++ == 0) followers.Add(pairNext[at]);
                    followers.Sort();
                    var place = 0;
                    foreach (var next in followers) (placeOf[next], place) = (place, place + pagesOf[next]);
                    for (var at = pairStart[r]; at < pairStart[r + 1]; at++)
                        grouped[placeOf[pairNext[at]]++] = pairPage[at];
                    _entries.Ascii(",[");
                    place = 0;
                    for (var f = 0; f < followers.Count; f++)
                    {
                        var next = followers[f];
                        if (f > 0) _entries.Byte(',');
                        _entries.Ascii("[\"").Text(_terms[next]).Byte('"');
                        previous = 0;
                        for (var end = place + pagesOf[next]; place < end; place++)
                        {
                            _entries.Byte(',').Number(grouped[place] - previous);
                            previous = grouped[place];
                        }
                        _entries.Byte(']');
                        pagesOf[next] = 0;
                    }
                    _entries.Byte(']');
                }
                _entries.Byte(']');
            }
            _entryStart[^1] = _entries.Length;
        }

        /// <summary>The terms cut into chunks: all in one when they are few; else a chunk ends before a term that
        /// would take it past <paramref name="chunkBytes"/>, or at a cut point once it holds half that.</summary>
        public TermChunk[] Chunks(int chunkBytes)
        {
            var chunks = new List<TermChunk>();
            var all = _entries.Length + _terms.Length + 1;
            var oneChunk = all <= ChunksInOne * chunkBytes;
            var first = 0;
            var size = 0;
            for (var r = 0; r < _terms.Length; r++)
            {
                var entry = _entryStart[r + 1] - _entryStart[r] + 1;
                if (!oneChunk && r > first
                    && (size + entry > chunkBytes || (size >= chunkBytes / 2 && IsCutPoint(_terms[r]))))
                {
                    chunks.Add(Chunk(first, r));
                    (first, size) = (r, 0);
                }
                size += entry;
            }
            if (first < _terms.Length) chunks.Add(Chunk(first, _terms.Length));
            return [.. chunks];
        }

        private TermChunk Chunk(int first, int end)
        {
            var entries = _entries.Span[_entryStart[first].._entryStart[end]];
            var json = new byte[entries.Length + (end - first) + 1];
            json[0] = (byte)'[';
            var at = 1;
            for (var r = first; r < end; r++)
            {
                if (r > first) json[at++] = (byte)',';
                var entry = _entries.Span[_entryStart[r].._entryStart[r + 1]];
                entry.CopyTo(json.AsSpan(at));
                at += entry.Length;
            }
            json[at] = (byte)']';
            return new TermChunk(_terms[first], _terms[end - 1], end - first, json);
        }
    }

    /// <summary>JSON written straight as UTF-8 bytes, for the index's entries.</summary>
    private sealed class JsonBytes
    {
        private byte[] _bytes = new byte[1 << 16];

        public int Length { get; private set; }

        public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

        public JsonBytes Byte(char c)
        {
            Room(1);
            _bytes[Length++] = (byte)c;
            return this;
        }

        public JsonBytes Ascii(string text)
        {
            Room(text.Length);
            foreach (var c in text) _bytes[Length++] = (byte)c;
            return this;
        }

        /// <summary>A term: letters and digits only, so nothing to escape.</summary>
        public JsonBytes Text(string text)
        {
            Room(Encoding.UTF8.GetMaxByteCount(text.Length));
            Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
            return this;
        }

        public JsonBytes Number(int value)
        {
            Room(11);
            Utf8Formatter.TryFormat(value, _bytes.AsSpan(Length), out var written);
            Length += written;
            return this;
        }

        private void Room(int more)
        {
            if (Length + more > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
        }
    }

    /// <summary>The meta file: the number of pages, the titles of the sections (by folder; a section without a
    /// page of its own is named by its folder), whether the pages are in one file, and the table of chunks.
    /// </summary>
    private static byte[] Meta(SearchPlan plan, IReadOnlyList<SearchFile> chunkFiles, bool pagesInOne)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("pages", plan.Pages.Count);
            json.WriteStartObject("sections");
            foreach (var (section, title) in plan.Sections) json.WriteString(section, title);
            json.WriteEndObject();
            if (pagesInOne) json.WriteString("pagesFile", PagesFile);
            json.WriteStartArray("chunks");
            for (var i = 0; i < plan.Chunks.Count; i++)
            {
                json.WriteStartArray();
                json.WriteStringValue(plan.Chunks[i].FirstTerm);
                json.WriteNumberValue(plan.Chunks[i].Count);
                json.WriteStringValue(chunkFiles[i].Path);
                json.WriteStringValue(plan.Chunks[i].LastTerm);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>gzip with no file name or time in its header, so the same JSON gives the same bytes.</summary>
    private static byte[] Gzip(byte[] data, int level)
    {
        using var buffer = new MemoryStream(data.Length / 3 + 64);
        using (var gzip = new GZipStream(buffer, new ZLibCompressionOptions { CompressionLevel = level },
                   leaveOpen: true))
            gzip.Write(data);
        return buffer.ToArray();
    }
}
