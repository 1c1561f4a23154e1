using System.IO.Compression;
using System.Text;
using System.Text.Json;
using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

/// <summary>Reads a written search index back, as the browser script does, for the tests.</summary>
public sealed class SearchIndexReader
{
    /// <summary>A chunk and its entries (a term has one entry for each block of pages it is on).</summary>
    public sealed record Chunk(string FirstTerm, string LastTerm, string File, int Bytes, IReadOnlyList<Term> Entries);

    public sealed record Term(
        string Text, IReadOnlyDictionary<int, int> Weights, IReadOnlyDictionary<int, Card> Cards,
        IReadOnlyDictionary<string, int[]> PagesFollowedBy);

    /// <summary>What a term's entry gives of a page whose title has the term.</summary>
    public sealed record Card(string Href, string Title, string Section);

    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly string? _pagesFile;

    public SearchIndexReader(IReadOnlyDictionary<string, byte[]> files)
    {
        using var meta = JsonDocument.Parse(Inflate(files[SearchIndexWriter.MetaFile]));
        PageCount = meta.RootElement.GetProperty("pages").GetInt32();
        _files = files;
        _pagesFile = meta.RootElement.TryGetProperty("pagesFile", out var pagesFile) ? pagesFile.GetString() : null;
        var chunks = new List<Chunk>();
        foreach (var entry in meta.RootElement.GetProperty("chunks").EnumerateArray())
        {
            var file = entry[2].GetString()!;
            var bytes = Inflate(files[file]);
            var chunk = new Chunk(entry[0].GetString()!, entry[3].GetString()!, file, bytes.Length, ReadTerms(bytes));
            Assert.Equal(entry[1].GetInt32(), chunk.Entries.Count);
            Assert.Equal(chunk.FirstTerm, chunk.Entries[0].Text);
            Assert.Equal(chunk.LastTerm, chunk.Entries[^1].Text);
            chunks.Add(chunk);
        }
        Chunks = chunks;
    }

    public int PageCount { get; }

    public IReadOnlyList<Chunk> Chunks { get; }

    /// <summary>Whether the pages are in one file (a small site) rather than one file each.</summary>
    public bool PagesInOneFile => _pagesFile is not null;

    /// <summary>A page's address, title, section and text, from its own file or the one file of all pages.
    /// </summary>
    public JsonElement Page(int id) => _pagesFile is null
        ? JsonDocument.Parse(Inflate(_files[$"pages/{id}.bin"])).RootElement
        : JsonDocument.Parse(Inflate(_files[_pagesFile])).RootElement[id];

    /// <summary>Every entry, in the order of the chunks.</summary>
    public IEnumerable<Term> AllEntries => Chunks.SelectMany(c => c.Entries);

    /// <summary>The term, looked up as the script does: binary search for the last chunk whose first term is not
    /// after it, and the chunks before it that end with it; its entries together.</summary>
    public (Chunk Chunk, Term? Term) Find(string text)
    {
        var low = 0;
        var high = Chunks.Count - 1;
        var found = 0;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(Chunks[middle].FirstTerm, text) <= 0) { found = middle; low = middle + 1; }
            else high = middle - 1;
        }
        while (found > 0 && Chunks[found - 1].LastTerm == text) found--;
        var entries = Chunks.Skip(found).TakeWhile(c => string.CompareOrdinal(c.FirstTerm, text) <= 0)
            .SelectMany(c => c.Entries).Where(e => e.Text == text).ToArray();
        if (entries.Length == 0) return (Chunks[found], null);
        return (Chunks[found], new Term(text,
            entries.SelectMany(e => e.Weights).ToDictionary(p => p.Key, p => p.Value),
            entries.SelectMany(e => e.Cards).ToDictionary(p => p.Key, p => p.Value),
            entries.SelectMany(e => e.PagesFollowedBy).GroupBy(p => p.Key)
                .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Value).ToArray())));
    }

    public static byte[] Inflate(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A chunk's entries, in varints (see BlockInverter): each the term, its body's length, the pages
    /// with their weights, its cards' length and its cards, then the terms that follow it, each with its list's
    /// length and its pages.</summary>
    private static List<Term> ReadTerms(byte[] bytes)
    {
        var at = 0;
        int Number()
        {
            int value = 0, shift = 0;
            byte b;
            do
            {
                b = bytes[at++];
                value |= (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return value;
        }
        string Text()
        {
            var length = Number();
            at += length;
            return Encoding.UTF8.GetString(bytes, at - length, length);
        }
        var terms = new List<Term>();
        while (at < bytes.Length)
        {
            var text = Text();
            var end = Number() + at;
            var weights = new Dictionary<int, int>();
            for (int n = Number(), page = 0; n > 0; n--) weights[page += Number()] = Number();
            var cardsEnd = Number() + at;
            var cards = new Dictionary<int, Card>();
            for (int n = Number(), page = 0; n > 0; n--) cards[page += Number()] = new Card(Text(), Text(), Text());
            Assert.Equal(cardsEnd, at);
            var followed = new Dictionary<string, int[]>();
            for (var n = Number(); n > 0; n--)
            {
                var next = Text();
                var listEnd = Number() + at;
                var pages = new List<int>();
                for (var page = 0; at < listEnd;) pages.Add(page += Number());
                followed[next] = [.. pages];
            }
            Assert.Equal(end, at);
            terms.Add(new Term(text, weights, cards, followed));
        }
        return terms;
    }
}
