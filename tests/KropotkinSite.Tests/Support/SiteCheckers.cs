using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KropotkinSite.Tests.Support;

/// <summary>One problem a checker found: its kind (axe, broken-link, vnu…), where, and a line to print.</summary>
public sealed record Violation(string Kind, string Where, string Rule, string Text)
{
    public override string ToString() => $"{Kind} {Where} {Rule}: {Text}";
}

/// <summary>What a checker run found, with a summary of what it looked at.</summary>
public sealed record CheckReport(string Summary, IReadOnlyList<Violation> Violations)
{
    /// <summary>A failure message listing the violations (the first 80 of them) under the summary.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Summary).Append('\n').Append(Violations.Count).Append(" violation(s):\n");
        foreach (var v in Violations.Take(80)) text.Append("  ").Append(v).Append('\n');
        if (Violations.Count > 80) text.Append("  … and ").Append(Violations.Count - 80).Append(" more\n");
        return text.ToString();
    }
}

/// <summary>
/// Runs the checkers of tests/tools on a built output folder: check-site.mjs (crawl, axe-core in light and dark,
/// the CSP, requests to other hosts) in Debian's Chromium, and the Nu Html Checker (vnu.jar) with the machine's
/// java. <see cref="TestTools"/> installs them the first time; where it cannot, the test fails and says what to run.
/// </summary>
public static class SiteCheckers
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public static string ToolsFolder => TestTools.ToolsFolder;
    public static string NetlifyToml => Path.Combine(Repository.Root, "netlify.toml");

    /// <summary>Crawls and checks a built site in Chromium (check-site.mjs); with <paramref name="headers"/>, serves
    /// netlify.toml's headers.</summary>
    public static CheckReport CheckSite(string output, string basePath = "/", bool headers = true)
    {
        TestTools.RequireBrowserTools();
        var args = new List<string>
        {
            Path.Combine(ToolsFolder, "check-site.mjs"), "--root", output, "--base-path", basePath,
        };
        if (headers) args.AddRange(["--headers", NetlifyToml]);
        var run = TestTools.Run(TestTools.Node, args, ToolsFolder, Timeout);
        if (run.ExitCode is not (0 or 1))
            Assert.Fail($"check-site.mjs could not run (exit {run.ExitCode}):\n{run.Stderr}\n{Truncate(run.Stdout)}");
        using var json = ParseJson(run.Stdout, "check-site.mjs");
        var root = json.RootElement;
        var violations = root.GetProperty("violations").EnumerateArray().Select(ToViolation).ToList();
        var summary = $"check-site at {basePath}: {root.GetProperty("pagesChecked").GetInt32()} pages of " +
            $"{root.GetProperty("htmlFiles").GetInt32()} .html files checked, " +
                      $"{root.GetProperty("axeRuns").GetInt32()} axe runs (light and dark at 1280 px, dark at 320 " +
                      $"px), {root.GetProperty("linksChecked").GetInt32()} links, " +
                      $"{root.GetProperty("seconds").GetDouble()} s";
        Assert.True(run.ExitCode == (violations.Count == 0 ? 0 : 1),
            $"check-site.mjs exited {run.ExitCode} with {violations.Count} violations");
        return new CheckReport(summary, violations);
    }

    /// <summary>
    /// The Nu Html Checker on every .html, .css and .svg file of a built site (errors only). The files are named
    /// one by one rather than the folder given with --skip-non-html, so that stylesheets and SVG are checked too.
    /// </summary>
    public static CheckReport Validate(string output)
    {
        TestTools.RequireValidator();
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)
                || f.EndsWith(".svg", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var args = new List<string>
        {
            "-jar", TestTools.VnuJar, "--errors-only", "--format", "json", "--also-check-css", "--also-check-svg",
        };
        args.AddRange(files);
        var run = TestTools.Run(TestTools.Java, args, output, Timeout);
        // vnu writes its JSON report to stderr; exit status 1 means it found errors.
        using var json = ParseJson(run.Stderr, "vnu.jar");
        var violations = new List<Violation>();
        foreach (var message in json.RootElement.GetProperty("messages").EnumerateArray())
        {
            var type = message.GetProperty("type").GetString();
            if (type == "info") continue;
            var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            // vnu names files as file:/path (one slash), which System.Uri does not take.
            var file = url.StartsWith("file:", StringComparison.Ordinal)
                ? Path.GetRelativePath(output,
                    Uri.UnescapeDataString(url["file:".Length..].TrimStart('/')).Insert(0, "/")).Replace('\\', '/')
                : url;
            var line = message.TryGetProperty("lastLine", out var l) ? $":{l.GetInt32()}" : "";
            var extract = message.TryGetProperty("extract", out var e) ? $" [{e.GetString()?.Replace('\n', ' ')}]" : "";
            violations.Add(new Violation("vnu", file + line, type ?? "error",
                message.GetProperty("message").GetString() + extract));
        }
        if (run.ExitCode != 0
            && violations.Count == 0) Assert.Fail($"vnu.jar exited {run.ExitCode}:\n{Truncate(run.Stderr)}");
        return new CheckReport($"vnu: {files.Count} files checked (.html, .css, .svg)", violations);
    }

    /// <summary>
    /// What a screen of <paramref name="width"/> × <paramref name="height"/> CSS px shows first of some pages of a
    /// built site (first-screen.mjs in Chromium): the header's height and where the first paragraph of text starts.
    /// </summary>
    public static IReadOnlyList<FirstScreen> FirstScreens(string output, int width, int height, params string[] pages)
    {
        TestTools.RequireBrowserTools();
        var args = new List<string>
        {
            Path.Combine(ToolsFolder, "first-screen.mjs"), "--root", output,
            "--width", $"{width}", "--height", $"{height}",
        };
        foreach (var page in pages) args.AddRange(["--page", page]);
        var run = TestTools.Run(TestTools.Node, args, ToolsFolder, Timeout);
        if (run.ExitCode != 0)
            Assert.Fail($"first-screen.mjs could not run (exit {run.ExitCode}):\n{run.Stderr}\n{Truncate(run.Stdout)}");
        using var json = ParseJson(run.Stdout, "first-screen.mjs");
        static double? Number(JsonElement e, string name) =>
            e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble() : null;
        return json.RootElement.GetProperty("pages").EnumerateArray()
            .Select(p => new FirstScreen(p.GetProperty("page").GetString()!, Number(p, "header"),
                Number(p, "paragraphTop"), p.GetProperty("paragraph").GetString()))
            .ToArray();
    }

    private static Violation ToViolation(JsonElement v)
    {
        string Get(string name) =>
            v.TryGetProperty(name,
            out var p) ? p.ValueKind == JsonValueKind.String ? p.GetString() ?? "" : p.ToString() : "";
        var kind = Get("kind");
        var where = Get("page") is { Length: > 0 } page ? page : Get("file");
        if (kind == "axe")
        {
            var nodes = v.GetProperty("nodes").EnumerateArray().Select(n => $"{n.GetProperty("target").GetString()} " +
                $"{n.GetProperty("html").GetString()}");
            return new Violation(kind, $"{where} ({Get("scheme")})", Get("id"),
                $"{Get("help")} [{Get("impact")}] — {string.Join(" | ", nodes)}");
        }
        var rest = string.Join(", ", v.EnumerateObject()
            .Where(p => p.Name is not ("kind" or "page" or "file"))
            .Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString()
                : JsonSerializer.Serialize(p.Value, Readable))}"));
        return new Violation(kind, where, Get("id") is { Length: > 0 } id ? id : kind, rest);
    }

    // For failure messages only: keeps <, > and quotes as they are.
    private static readonly JsonSerializerOptions Readable =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonDocument ParseJson(string text, string tool)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            Assert.Fail($"{tool} did not print JSON ({e.Message}):\n{Truncate(text)}");
            throw;
        }
    }

    private static string Truncate(string text) => text.Length > 4000 ? text[..4000] + "…" : text;
}
