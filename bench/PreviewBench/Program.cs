// Measures edit-to-served time of a preview server: from writing a page's file to the first HTTP response for
// that page which carries the change. The server is ours (`KropotkinSite preview`) or Hugo's (`hugo server`),
// run on a copy of a site folder. Two kinds of edit, taken in turn:
//   body   appends a unique marker paragraph to the page
//   title  sets the page's front-matter title to a unique marker (on our side the title also shows in other
//          pages' navigation and section lists; only the edited page is polled)
// Prints one line per measured edit on stdout, "KIND MILLISECONDS" (read by bench/preview.sh), and a summary on stderr.
using System.Diagnostics;
using System.Globalization;

const string Usage = """
    usage: PreviewBench ours <input folder> <edits per kind> <KropotkinSite.dll or executable> <theme folder>
           PreviewBench hugo <Hugo site folder> <edits per kind> [more flags for hugo server]
    """;
const int WarmUps = 2; // edits of each kind before the measured ones: JIT, caches, Hugo's first partial rebuild
string[] kinds = ["body", "title"];

if (args.Length < 3 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var edits) || edits < 1
    || !(args is ["ours", _, _, _, _] or ["hugo", _, _, ..]))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var (who, source) = (args[0], Path.GetFullPath(args[1]));

var work = Path.Combine(Path.GetTempPath(), $"ks-preview-bench-{who}-{Environment.ProcessId}");
var site = Path.Combine(work, "site");
CopyDirectory(source, site);
var contentRoot = who == "ours" ? site : Path.Combine(site, "content");
var page = EditablePage.FirstProsePage(contentRoot);

var startup = Stopwatch.StartNew();
using (var server = who == "ours"
           ? Servers.Ours(Path.GetFullPath(args[3]), site, Path.Combine(work, "output"), Path.GetFullPath(args[4]))
           : Servers.Hugo(site, args[3..]))
{
    var pages = Directory.EnumerateFiles(contentRoot, "*.md", SearchOption.AllDirectories).Count();
    Console.Error.WriteLine($"{who}: {source} ({pages} pages), first build and start {startup.ElapsedMilliseconds} ms, editing {page.Url}");
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    var url = new Uri(server.Address, page.Url);
    using (var response = await http.GetAsync(url))
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{who} answers {(int)response.StatusCode} for {url}: not the page's address");
    await server.WaitUntilIdleAsync();

    var times = kinds.ToDictionary(k => k, _ => new List<double>());
    var rebuilds = kinds.ToDictionary(k => k, _ => new List<double>()); // ours: what its own rebuilds took
    var jitter = new Random(1);
    for (var i = -WarmUps; i < edits; i++)
    {
        foreach (var kind in kinds)
        {
            var marker = $"bench-{kind}-{i + WarmUps}-{Guid.NewGuid():N}";
            // Hugo takes file events in batches on a 500 ms tick; saving at a random moment, as a person does,
            // samples that wait fairly rather than at whatever phase the idle wait above happens to fall on.
            await Task.Delay(jitter.Next(500));
            server.TakeRebuildTime();
            var clock = Stopwatch.StartNew();
            if (kind == "body") page.SetAppendedParagraph(marker);
            else page.SetTitle(marker);
            while (!await ServesAsync(http, url, marker))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"{who}: a {kind} edit never showed up at {url}");
                // A pause between requests, so that polling takes little of the CPU the rebuild needs (a browser asks
                // once, when told to reload); it costs at most these few milliseconds of precision.
                await Task.Delay(5);
            }
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (i >= 0)
            {
                times[kind].Add(elapsed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind} {elapsed:F1}"));
            }
            // Let the server finish what it does after serving (Hugo renders on, ours brings output/ up to date),
            // as it would while a person reads the page, so that no edit pays for the one before it.
            await server.WaitUntilIdleAsync();
            if (i >= 0 && who == "ours") rebuilds[kind].Add(server.TakeRebuildTime());
        }
    }
    foreach (var (kind, list) in times)
    {
        list.Sort();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{who} {kind} edit-to-served over {list.Count} edits: median {Median(list):F1} ms, p90 {list[(int)Math.Ceiling(0.9 * list.Count) - 1]:F1} ms, min {list[0]:F1} ms, max {list[^1]:F1} ms"));
        // The rest of edit-to-served is the watcher's delay, the server's work around the rebuild and the polling.
        if (rebuilds[kind].Count > 0)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{who} {kind} rebuild as the server timed it: median {Median([.. rebuilds[kind].Order()]):F1} ms"));
    }
}
Directory.Delete(work, recursive: true);
return 0;

static async Task<bool> ServesAsync(HttpClient http, Uri url, string marker)
{
    using var response = await http.GetAsync(url);
    return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal);
}

static double Median(List<double> sorted) => (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;

static void CopyDirectory(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}
