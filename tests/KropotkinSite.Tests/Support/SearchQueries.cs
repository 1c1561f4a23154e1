using System.Diagnostics;
using System.Text.Json;

namespace KropotkinSite.Tests.Support;

/// <summary>What one query through the search page found: the results' addresses and titles in order, the words
/// marked in the first result's excerpt, and the status line read to screen readers.</summary>
public sealed record QueryResult(
    string Text, string How, bool Done, string[] Hrefs, string[] Titles, string[] Marks, string Status)
{
    public override string ToString() =>
        $"{How} \"{Text}\"{(Done ? "" : " (no results shown in time)")}: {string.Join(", ", Hrefs.Take(3))}";
}

/// <summary>A run of queries (tests/tools/search-queries.mjs in Chromium) and what went wrong in the page meanwhile.
/// </summary>
public sealed record QueryRun(IReadOnlyList<QueryResult> Results, IReadOnlyList<string> Problems);

/// <summary>Runs queries through a built site's search page in Debian's Chromium, served as a host serves it.</summary>
public static class SearchQueries
{
    /// <param name="queries">Each query's text, and how it is asked: "url" opens /search/?q=…, "type" types it key by
    /// key.</param>
    public static QueryRun Run(string output, string basePath, IEnumerable<(string Text, string How)> queries,
        bool headers = true)
    {
        TestTools.RequireBrowserTools();
        var file = Path.Combine(Path.GetTempPath(), "ks-queries-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, JsonSerializer.Serialize(queries.Select(q => new { text = q.Text, how = q.How })));
        try
        {
            var info = new ProcessStartInfo(TestTools.Node)
            {
                WorkingDirectory = SiteCheckers.ToolsFolder,
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            var script = Path.Combine(SiteCheckers.ToolsFolder, "search-queries.mjs");
            foreach (var arg in new[] { script, "--root", output, "--base-path", basePath, "--queries", file })
                info.ArgumentList.Add(arg);
            if (headers)
            {
                info.ArgumentList.Add("--headers");
                info.ArgumentList.Add(SiteCheckers.NetlifyToml);
            }
            using var node = Process.Start(info) ?? throw new InvalidOperationException("cannot start node");
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            if (!node.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                node.Kill(entireProcessTree: true);
                Assert.Fail("search-queries.mjs took longer than 5 minutes");
            }
            node.WaitForExit();
            Assert.True(node.ExitCode is 0 or 1,
                $"search-queries.mjs could not run (exit {node.ExitCode}):\n{stderr.Result}");
            using var json = JsonDocument.Parse(stdout.Result);
            var results = json.RootElement.GetProperty("results").EnumerateArray().Select(r => new QueryResult(
                r.GetProperty("text").GetString()!, r.GetProperty("how").GetString()!,
                r.GetProperty("done").GetBoolean(), Strings(r.GetProperty("hrefs")), Strings(r.GetProperty("titles")),
                Strings(r.GetProperty("marks")),
                r.GetProperty("status").GetString()!)).ToList();
            var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.ToString()).ToList();
            return new QueryRun(results, problems);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
