using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KropotkinSite.Search;

/// <summary>
/// Writes the search index of a site, as files the browser script fetches only as it needs them:
/// <list type="bullet">
/// <item><c>meta.bin</c>: the number of pages, the sections' titles, and the table of term chunks (each chunk's
/// first term, its number of terms and its file), so a query finds the chunk of a term by binary search;</item>
/// <item><c>terms/HASH.bin</c>: the terms in sorted order, cut into chunks of at most <see cref="ChunkBytes"/>;
/// each term with the pages it is in and a weight for each (title, then headings, then the body by BM25),
/// and the pages where it is followed by another term (two-word phrases);</item>
/// <item><c>pages/N.bin</c>: each page's address, title, section and text, for the results and their excerpts
/// (made with the page: <see cref="SearchPage.File"/>).</item>
/// </list>
/// Every file is JSON compressed with gzip (the script inflates it with the browser's DecompressionStream), so
/// a query fetches a few small chunks whatever the size of the site. The output depends on the pages alone.
/// </summary>
public static class SearchIndexWriter
{
    /// <summary>
    /// At most how much uncompressed JSON a chunk of terms holds (a term with more is a chunk by itself): about
    /// 20 KB once compressed, Pagefind's size. A small site's whole index is then a few chunks, fetched once in a
    /// session; on a large one a word costs one chunk of that size (or its own postings), however large the site.
    /// </summary>
    public const int ChunkBytes = 60_000;

    public const string MetaFile = "meta.bin";

    private const double TitleBoost = 5, HeadingBoost = 2.5, K1 = 1.2, B = 0.75;

    private static readonly JsonWriterOptions JsonOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<SearchFile> Write(IReadOnlyList<SearchPage> pages, int chunkBytes = ChunkBytes)
    {
        var ordered = pages.OrderBy(p => p.Href, StringComparer.Ordinal).ToArray();
        var files = new List<SearchFile>();
        var chunks = TermChunks(ordered.Select(p => p.Terms).ToArray(), chunkBytes, files);
        files.Add(new SearchFile(MetaFile, Gzip(Meta(ordered, chunks))));
        files.AddRange(ordered.Select((page, i) => new SearchFile($"pages/{i}.bin", page.File)));
        return files;
    }

    /// <summary>A page's file: its address, title, section and text, as gzip JSON.</summary>
    public static byte[] PageFile(string href, string title, string section, PageText text)
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
        return Gzip(buffer.ToArray());
    }

    private sealed record Chunk(string FirstTerm, int Count, string File);

    /// <summary>Writes the term chunks and returns their table.</summary>
    private static List<Chunk> TermChunks(PageTerms[] pages, int chunkBytes, List<SearchFile> files)
    {
        // A hash map while collecting, then the terms sorted once: a sorted map compared strings on every insert.
        var postings = new Dictionary<string, List<(int Page, PageTerms.Counts Counts)>>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Length; p++)
            foreach (var (term, counts) in pages[p].Terms)
            {
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add((p, counts));
            }
        var terms = postings.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        var idOf = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++) idOf[terms[i]] = i;

        // Each term's followers: the term after it, and the pages where the two stand together.
        var followers = new Dictionary<int, SortedDictionary<int, List<int>>>();
        for (var p = 0; p < pages.Length; p++)
            foreach (var (term, next) in pages[p].Pairs)
            {
                if (!followers.TryGetValue(idOf[term], out var after)) followers[idOf[term]] = after = [];
                if (!after.TryGetValue(idOf[next], out var onPages)) after[idOf[next]] = onPages = [];
                onPages.Add(p); // pages in order, whatever order the pairs come in
            }

        var averageLength = pages.Length == 0 ? 1 : Math.Max(1, pages.Average(p => p.BodyLength));
        var chunks = new List<Chunk>();
        var chunk = new StringBuilder();
        var first = 0;
        void Cut(int end)
        {
            var json = Encoding.UTF8.GetBytes("[" + chunk.ToString().TrimEnd(',') + "]");
            var name = "terms/" + Convert.ToHexStringLower(SHA256.HashData(json))[..12] + ".bin";
            files.Add(new SearchFile(name, Gzip(json)));
            chunks.Add(new Chunk(terms[first], end - first, name));
            chunk.Clear();
            first = end;
        }
        var entry = new StringBuilder();
        for (var t = 0; t < terms.Length; t++)
        {
            entry.Clear();
            Entry(entry, terms[t], postings[terms[t]], followers.GetValueOrDefault(t), pages, averageLength);
            // A chunk ends before the term that would take it past chunkBytes: a term read with others never comes
            // with more than that, and a term with more postings than that is a chunk of its own.
            if (chunk.Length > 0 && chunk.Length + entry.Length > chunkBytes) Cut(t);
            chunk.Append(entry).Append(',');
        }
        if (chunk.Length > 0) Cut(terms.Length);
        return chunks;
    }

    /// <summary>A term's entry: <c>["term",[page,weight,…],[[next term,page,…],…]]</c>, pages as differences
    /// from the one before.</summary>
    private static void Entry(StringBuilder entry, string term, List<(int Page, PageTerms.Counts Counts)> list,
        SortedDictionary<int, List<int>>? after, PageTerms[] pages, double averageLength)
    {
        // ln(1 + N/df): a term on every page still counts (ln 2), so that its place (title, heading) still tells
        // pages apart; BM25's own idf falls to nothing there.
        var idf = Math.Log(1 + (double)pages.Length / list.Count);
        entry.Append("[\"").Append(term).Append("\",["); // terms are letters and digits only: nothing to escape
        var previous = 0;
        foreach (var (page, counts) in list)
        {
            var weight = Weight(idf, counts, pages[page].BodyLength / averageLength);
            entry.Append(page - previous).Append(',').Append(weight).Append(',');
            previous = page;
        }
        Trim(entry).Append(']');
        if (after is not null)
        {
            entry.Append(",[");
            foreach (var (second, onPages) in after)
            {
                entry.Append('[').Append(second);
                previous = 0;
                foreach (var page in onPages)
                {
                    entry.Append(',').Append(page - previous);
                    previous = page;
                }
                entry.Append("],");
            }
            Trim(entry).Append(']');
        }
        entry.Append(']');
    }

    private static StringBuilder Trim(StringBuilder text) => text[^1] == ',' ? text.Remove(text.Length - 1, 1) : text;

    /// <summary>A term's weight on a page, as a whole number: a title beats headings, and headings beat the body,
    /// whose weight follows BM25 (more mentions count for less and less, and less on long pages).</summary>
    private static int Weight(double idf, PageTerms.Counts counts, double relativeLength)
    {
        var body = counts.Body == 0 ? 0 : counts.Body * (K1 + 1) / (counts.Body + K1 * (1 - B + B * relativeLength));
        var score = idf * ((counts.Title ? TitleBoost : 0) + (counts.Heading ? HeadingBoost : 0) + body);
        return Math.Max(1, (int)Math.Round(score * 10));
    }

    /// <summary>The meta file: the number of pages, the titles of the sections (by folder; a section without a
    /// page of its own is named by its folder), and the table of chunks.</summary>
    private static byte[] Meta(SearchPage[] pages, List<Chunk> chunks)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in pages) titles.TryAdd(page.Url, page.Title);
        var sections = pages.Select(p => p.Section).Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("pages", pages.Length);
            json.WriteStartObject("sections");
            foreach (var section in sections)
                json.WriteString(section, titles.GetValueOrDefault("/" + section + "/") ?? section);
            json.WriteEndObject();
            json.WriteStartArray("chunks");
            foreach (var chunk in chunks)
            {
                json.WriteStartArray();
                json.WriteStringValue(chunk.FirstTerm);
                json.WriteNumberValue(chunk.Count);
                json.WriteStringValue(chunk.File);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>gzip with no file name or time in its header, so the same JSON gives the same bytes.</summary>
    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(data);
        return buffer.ToArray();
    }
}
