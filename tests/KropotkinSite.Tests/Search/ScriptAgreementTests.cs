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
        node.StandardInput.Write(JsonSerializer.Serialize(texts));
        node.StandardInput.Close();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"node failed: {errors.Result}");
        return JsonSerializer.Deserialize<List<string[]>>(output.Result)!;
    }
}
