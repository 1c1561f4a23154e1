using System.IO.Compression;
using System.Text.Json;
using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

/// <summary>Reads a written search index back, as the browser script does, for the tests.</summary>
public sealed class SearchIndexReader
{
    public sealed record Chunk(string FirstTerm, int Count, string File, int Bytes, IReadOnlyList<Term> Terms);

    public sealed record Term(
        string Text, IReadOnlyDictionary<int, int> Weights, IReadOnlyDictionary<string, int[]> PagesFollowedBy);

    public SearchIndexReader(IReadOnlyDictionary<string, byte[]> files)
    {
        using var meta = JsonDocument.Parse(Inflate(files[SearchIndexWriter.MetaFile]));
        PageCount = meta.RootElement.GetProperty("pages").GetInt32();
        _files = files;
        _pagesFile = meta.RootElement.TryGetProperty("pagesFile", out var pagesFile) ? pagesFile.GetString() : null;
        var chunks = new List<Chunk>();
        var firstId = 0;
        foreach (var entry in meta.RootElement.GetProperty("chunks").EnumerateArray())
        {
            var file = entry[2].GetString()!;
            var json = Inflate(files[file]);
            chunks.Add(new Chunk(entry[0].GetString()!, entry[1].GetInt32(), file, json.Length, ReadTerms(json)));
            Assert.Equal(chunks[^1].Terms[^1].Text, entry[3].GetString());
            firstId += entry[1].GetInt32();
        }
        Chunks = chunks;
        TermCount = firstId;
    }

    private readonly IReadOnlyDictionary<string, byte[]> _files;
    private readonly string? _pagesFile;

    public int PageCount { get; }

    /// <summary>Whether the pages are in one file (a small site) rather than one file each.</summary>
    public bool PagesInOneFile => _pagesFile is not null;

    /// <summary>A page's address, title, section and text, from its own file or the one file of all pages.
    /// </summary>
    public JsonElement Page(int id) => _pagesFile is null
        ? JsonDocument.Parse(Inflate(_files[$"pages/{id}.bin"])).RootElement
        : JsonDocument.Parse(Inflate(_files[_pagesFile])).RootElement[id];
    public int TermCount { get; }
    public IReadOnlyList<Chunk> Chunks { get; }

    public IEnumerable<Term> AllTerms => Chunks.SelectMany(c => c.Terms);

    /// <summary>The term, looked up as the script does: binary search for the last chunk whose first term is not after
    /// it.</summary>
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
        return (Chunks[found], Chunks[found].Terms.FirstOrDefault(t => t.Text == text));
    }

    public static byte[] Inflate(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static List<Term> ReadTerms(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var terms = new List<Term>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var weights = new Dictionary<int, int>();
            var postings = entry[1].EnumerateArray().Select(e => e.GetInt32()).ToArray();
            for (int i = 0, page = 0; i < postings.Length; i += 2) weights[page += postings[i]] = postings[i + 1];
            var followed = new Dictionary<string, int[]>();
            if (entry.GetArrayLength() > 2)
                foreach (var pair in entry[2].EnumerateArray())
                {
                    var page = 0;
                    followed[pair[0].GetString()!] =
                        pair.EnumerateArray().Skip(1).Select(e => page += e.GetInt32()).ToArray();
                }
            terms.Add(new Term(entry[0].GetString()!, weights, followed));
        }
        return terms;
    }
}
