// Measures edit-to-served time of `KropotkinSite preview`: from writing a page's file to the HTTP response
// that carries the change. Usage: PreviewBench <KropotkinSite.dll> <site input folder> <theme folder> [edits]
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: PreviewBench <KropotkinSite.dll> <input folder> <theme folder> [edits=30]");
    return 2;
}
var (dll, source, theme) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
var edits = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;

var work = Path.Combine(Path.GetTempPath(), "ks-preview-bench-" + Environment.ProcessId);
var input = Path.Combine(work, "input");
CopyDirectory(source, input);

// The page to edit: the first prose page in a section (not a work, not an index).
var page = Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories)
    .Where(f => !f.EndsWith("index.md", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}works{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetDirectoryName(f) != input && !Path.GetFileName(f).StartsWith('_'))
    .Order(StringComparer.Ordinal).First();
var url = "/" + Path.GetRelativePath(input, page).Replace('\\', '/')[..^3] + "/";
var original = File.ReadAllText(page);

var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var a in new[] { dll, "preview", "--input", input, "--output", Path.Combine(work, "output"), "--theme", theme, "--port", "0" })
    start.ArgumentList.Add(a);
using var server = Process.Start(start)!;
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("preview: " + e.Data); };
server.BeginErrorReadLine();
Uri? address = null;
var started = Stopwatch.StartNew();
while (address is null)
{
    var line = server.StandardOutput.ReadLine() ?? throw new InvalidOperationException("preview exited before serving");
    var match = Regex.Match(line, @"at (http://\S+/) \(Ctrl\+C");
    if (match.Success) address = new Uri(match.Groups[1].Value);
}
Console.WriteLine($"site: {source} ({Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories).Count()} pages), first build and start: {started.ElapsedMilliseconds} ms");
_ = Task.Run(() => { while (server.StandardOutput.ReadLine() is not null) { } });

using var http = new HttpClient();
var times = new List<double>();
for (var i = -3; i < edits; i++) // three warm-up edits are not counted
{
    var marker = $"bench-marker-{i + 3}-{Guid.NewGuid():N}";
    var clock = Stopwatch.StartNew();
    File.WriteAllText(page, original + "\n\n" + marker + "\n");
    while (true)
    {
        var body = await http.GetStringAsync(new Uri(address, url));
        if (body.Contains(marker, StringComparison.Ordinal)) break;
        if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("the edit never showed up");
    }
    if (i >= 0) times.Add(clock.Elapsed.TotalMilliseconds);
    await Task.Delay(150); // let the preview settle, as a person would between saves
}
server.Kill(entireProcessTree: true);
Directory.Delete(work, recursive: true);

times.Sort();
double Percentile(double p) => times[(int)Math.Min(times.Count - 1, Math.Round(p * (times.Count - 1)))];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"edit-to-served over {times.Count} edits: median {Percentile(0.5):F1} ms, p90 {Percentile(0.9):F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms"));
return 0;

static void CopyDirectory(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}
