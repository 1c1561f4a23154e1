using System.Diagnostics;
using System.Text.Json;
using KropotkinSite.Search;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Search;

/// <summary>
/// The browser script (theme/assets/search.js, run here in Node) folds, splits and stems every word exactly as
/// the C# code that writes the index does: otherwise a query would miss words the index holds.
/// </summary>
public sealed class ScriptAgreementTests
{
    private static string Script => Path.Combine(Repository.Theme, "assets", "search.js");

    [Fact]
    public void The_script_gives_the_same_terms_as_the_index_for_every_text_of_the_site_and_every_folded_letter()
    {
        var texts = Directory.GetFiles(Repository.Input, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var folded = SearchWords.FoldTable.Split(' ')
            .Select(entry => "x" + entry[0] + "x " + char.ToUpperInvariant(entry[0]));
        texts.Add(string.Join(' ', folded));
        texts.Add("caresses ponies hopping conflated generalizations oscillators happy sky Kropotkin’s o'clock " +
            "Пётр 1902 ﬁne");
        var script = RunNode(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            var expected = SearchTerms.Of(texts[i]);
            var same = expected.Zip(script[i]).TakeWhile(p => p.First == p.Second).Count();
            Assert.True(expected.SequenceEqual(script[i]),
                $"text {i}, from term {same}: C# {string.Join(' ', expected.Skip(same).Take(6))} … " +
                $"/ script {string.Join(' ', script[i].Skip(same).Take(6))} …");
        }
    }

    [Fact]
    public void The_script_carries_the_same_fold_table_and_stop_words_as_the_index()
    {
        var script = File.ReadAllText(Script);
        var table = string.Concat(System.Text.RegularExpressions.Regex.Matches(
            script[script.IndexOf("const FOLD_TABLE", StringComparison.Ordinal)..script.IndexOf("const FOLDS",
                StringComparison.Ordinal)], "'([^']*)'")
            .Select(m => m.Groups[1].Value));
        Assert.Equal(SearchWords.FoldTable, table);
        var stopWords = RunNode([string.Join(' ', SearchWords.StopWords)]).Single();
        Assert.Empty(stopWords);
    }

    [Fact]
    public void The_script_reads_the_same_cards_as_the_index_holds_for_the_pages_it_lists_and_skips_the_others()
    {
        var random = new Random(3);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => Vocabulary[random.Next(8)]));
        var pages = Enumerable.Range(0, 700).Select(i => new SearchPage($"/p/{i}/", $"/base/p/{i}/", Words(3),
            i % 3 == 0 ? "" : "life", new PageText("", [new TextBlock(false, Words(20) + " Zürich")]))).ToList();
        var files = SearchIndexWriter.Write(pages, 4000).ToDictionary(f => f.Path, f => f.Bytes);
        var index = new SearchIndexReader(files);
        // The pages a query lists: every seventh, so that each term's cards are mostly passed over.
        var wanted = Enumerable.Range(0, pages.Count).Where(p => p % 7 == 3).ToArray();
        var chunks = index.Chunks.Select(c => Convert.ToBase64String(SearchIndexReader.Inflate(files[c.File])));
        const string program = """
            require(process.argv[1]);
            const { entriesOf, Term } = globalThis.kropotkinSiteSearchWords;
            let input = '';
            process.stdin.on('data', d => input += d);
            process.stdin.on('end', () => {
              const { chunks, wanted, pages } = JSON.parse(input);
              const parts = new Map();
              for (const chunk of chunks)
                for (const [term, entries] of entriesOf(new Uint8Array(Buffer.from(chunk, 'base64'))))
                  parts.set(term, [...(parts.get(term) || []), ...entries]);
              const cards = {};
              for (const [term, entries] of parts) {
                const found = new Map();
                new Term(term, entries, pages).readCards(new Set(wanted), found);
                cards[term] = Object.fromEntries(found);
              }
              process.stdout.write(JSON.stringify(cards));
            });
            """;
        var output = RunNode(program, new { chunks, wanted, pages = pages.Count });
        var script = JsonSerializer.Deserialize<Dictionary<string, Dictionary<int, JsonElement>>>(output)!;
        var terms = index.AllEntries.Select(e => e.Text).Distinct().ToList();
        Assert.Equal(terms.Order(StringComparer.Ordinal), script.Keys.Order(StringComparer.Ordinal));
        var read = 0;
        foreach (var term in terms)
        {
            var expected = index.Find(term).Term!.Cards.Where(c => wanted.Contains(c.Key))
                .ToDictionary(c => c.Key, c => c.Value);
            var got = script[term].ToDictionary(c => c.Key, c => new SearchIndexReader.Card(
                c.Value.GetProperty("u").GetString()!, c.Value.GetProperty("t").GetString()!,
                c.Value.GetProperty("s").GetString()!));
            Assert.Equal(expected.OrderBy(c => c.Key), got.OrderBy(c => c.Key));
            read += got.Count;
        }
        Assert.True(read > 100, $"{read} cards read");
    }

    private static readonly string[] Vocabulary =
        ["prison", "letters", "commune", "exile", "river", "mutual", "aid", "Clairvaux"];

    /// <summary>The script's terms (searchWords, then stem) of each text.</summary>
    private static List<string[]> RunNode(IReadOnlyList<string> texts)
    {
        const string program = """
            require(process.argv[1]);
            const { searchWords, stem } = globalThis.kropotkinSiteSearchWords;
            let input = '';
            process.stdin.on('data', d => input += d);
            process.stdin.on('end', () =>
              process.stdout.write(JSON.stringify(JSON.parse(input).map(t => searchWords(t).map(stem)))));
            """;
        return JsonSerializer.Deserialize<List<string[]>>(RunNode(program, texts))!;
    }

    /// <summary>What a program that loads the script (its first argument) writes, given the input as JSON.
    /// </summary>
    private static string RunNode(string program, object input)
    {
        var info = new ProcessStartInfo(TestTools.Node)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add(program);
        info.ArgumentList.Add(Script);
        using var node = Process.Start(info) ?? throw new InvalidOperationException("cannot start node");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(JsonSerializer.Serialize(input));
        node.StandardInput.Close();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"node failed: {errors.Result}");
        return output.Result;
    }
}
