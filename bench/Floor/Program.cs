// The floor of a build, for bench/run.sh: what any generator must do for the same site, and nothing more.
//   Floor INPUT_DIR MANIFEST OUTPUT_DIR
// Reads every file below INPUT_DIR, parses every page's Markdown (*.md) with Markdig (the extensions KropotkinSite
// uses; front matter skipped, not parsed), and writes the files MANIFEST lists ("size<TAB>relative path" lines, from
// a real build's output) into OUTPUT_DIR at those sizes. Work is spread over every core, as KropotkinSite's is.
using System.Globalization;
using Markdig;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Floor INPUT_DIR MANIFEST OUTPUT_DIR");
    return 2;
}
var (input, manifest, output) = (args[0], args[1], args[2]);

var pipeline = new MarkdownPipelineBuilder()
    .UseFootnotes()
    .UsePipeTables()
    .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
    .UseSmartyPants()
    .Build();

var files = Directory.GetFiles(input, "*", SearchOption.AllDirectories);
long blocks = 0;
Parallel.ForEach(files, file =>
{
    var bytes = File.ReadAllBytes(file);
    if (!file.EndsWith(".md", StringComparison.Ordinal)) return;
    var text = System.Text.Encoding.UTF8.GetString(bytes);
    var document = Markdown.Parse(BodyOf(text), pipeline);
    Interlocked.Add(ref blocks, document.Count);
});

var outputs = File.ReadAllLines(manifest)
    .Select(line => line.Split('\t', 2))
    .Select(parts => (Size: int.Parse(parts[0], CultureInfo.InvariantCulture), Path: Path.Combine(output, parts[1])))
    .ToArray();
foreach (var folder in outputs.Select(o => Path.GetDirectoryName(o.Path)!).Distinct().Order(StringComparer.Ordinal))
    Directory.CreateDirectory(folder);
var largest = outputs.Length == 0 ? 0 : outputs.Max(o => o.Size);
var filler = new byte[largest];
Array.Fill(filler, (byte)'x');
Parallel.ForEach(outputs, o =>
{
    using var handle = File.OpenHandle(o.Path, FileMode.CreateNew, FileAccess.Write);
    RandomAccess.Write(handle, filler.AsSpan(0, o.Size), 0);
});
Console.WriteLine($"read {files.Length} files, parsed {blocks} top-level Markdown blocks, " +
    $"wrote {outputs.Length} files");
return 0;

// The Markdown after a front matter fenced by '---' lines (the whole text when there is none).
static string BodyOf(string text)
{
    if (!text.StartsWith("---\n", StringComparison.Ordinal)) return text;
    var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
    return close < 0 ? text : text[(close + 5)..];
}
