using System.IO.Compression;
using System.Text.Json;
using KropotkinSite.Search;

namespace KropotkinSite.Tests.Search;

/// <summary>Reads a written search index back, as the browser script does, for the tests.</summary>
public sealed class SearchIndexReader
{
    public sealed record Chunk(string FirstTerm, int Count, string File, int Bytes, IReadOnlyList<Term> Terms);

    public sealed record Term(
        string Text, IReadOnlyDictionary<int, int> Weights, IReadOnlyDictionary<int, int[]> PagesFollowedBy);

    public SearchIndexReader(IReadOnlyDictionary<string, byte[]> files)
    {
        using var meta = JsonDocument.Parse(Inflate(files[SearchIndexWriter.MetaFile]));
        PageCount = meta.RootElement.GetProperty("pages").GetInt32();
        var chunks = new List<Chunk>();
        var firstId = 0;
        foreach (var entry in meta.RootElement.GetProperty("chunks").EnumerateArray())
        {
            var file = entry[2].GetString()!;
            var json = Inflate(files[file]);
            chunks.Add(new Chunk(entry[0].GetString()!, entry[1].GetInt32(), file, json.Length, ReadTerms(json)));
            firstId += entry[1].GetInt32();
        }
        Chunks = chunks;
        TermCount = firstId;
    }

    public int PageCount { get; }
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

    /// <summary>The id of a term: its place in the sorted list of all terms.</summary>
    public int IdOf(string text) => AllTerms.Select((t, i) => (t, i)).First(p => p.t.Text == text).i;

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
            var followed = new Dictionary<int, int[]>();
            if (entry.GetArrayLength() > 2)
                foreach (var pair in entry[2].EnumerateArray())
                {
                    var values = pair.EnumerateArray().Select(e => e.GetInt32()).ToArray();
                    var page = 0;
                    followed[values[0]] = values.Skip(1).Select(d => page += d).ToArray();
                }
            terms.Add(new Term(entry[0].GetString()!, weights, followed));
        }
        return terms;
    }
}
