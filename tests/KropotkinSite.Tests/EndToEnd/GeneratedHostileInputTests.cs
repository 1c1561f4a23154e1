using System.Diagnostics;
using System.Text;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// The hostile inputs git cannot keep as files of the corpus: bytes that are not UTF-8, symbolic links, named
/// pipes, unreadable files, very large and very deep sites. Each is written by the test over a copy of
/// Sites/minimal, after a first build whose output must survive a failed one.
/// </summary>
public sealed class GeneratedHostileInputTests
{
    public static TheoryData<string, string, byte[], string> NotUtf8 => new()
    {
        // name, file, bytes, the one error expected
        { "a byte 0xFF in the body", "life/early.md", Bytes("---\ntitle: Ok\n---\nline\nbad ", [0xFF], " here\n"),
            "life/early.md(5,5): error KS0001" },
        { "an overlong encoding of '/'", "life/early.md", Bytes("---\ntitle: ", [0xC0, 0xAF], "\n---\nBody\n"),
            "life/early.md(2,8): error KS0001" },
        { "an encoded UTF-16 surrogate", "life/early.md", Bytes("---\ntitle: Ok\n---\nab", [0xED, 0xA0, 0x80], "\n"),
            "life/early.md(4,3): error KS0001" },
        { "a character cut off at the end", "life/early.md", Bytes("---\ntitle: Ok\n---\nend ", [0xE2, 0x82], ""),
            "life/early.md(4,5): error KS0001" },
        { "UTF-16 with its byte-order mark", "life/early.md",
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("---\ntitle: Sixteen\n---\n")],
            "life/early.md(1,1): error KS0001" },
        { "a bad byte after a UTF-8 byte-order mark", "life/early.md", Bytes("\uFEFF---\ntitle: é", [0xFF], "\n---\n"),
            "life/early.md(2,9): error KS0001" },
        { "Latin-1 in the settings", "_site.yml", Bytes("title: Kropotkin's ", [0xE9], "t\u00E9\n"),
            "_site.yml(1,20): error KS0001" },
        { "Latin-1 in the timeline data", "_data/timeline.yml", Bytes("- date: \"1900\"\n  title: Caf", [0xE9], "\n"),
            "_data/timeline.yml(2,13): error KS0001" },
    };

    [Theory]
    [MemberData(nameof(NotUtf8))]
    public void A_file_that_is_not_UTF8_is_reported_at_its_first_bad_byte(string name, string file, byte[] bytes,
        string expected)
    {
        using var site = BuiltMinimalSite(out var before);
        site.WriteBytes(file, bytes);
        AssertFailsWithExactly(site, before, name, expected);
    }

    [Fact]
    public void NUL_and_other_control_characters_in_a_body_are_text_not_a_failure()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("life/early.md", "---\ntitle: Control\n---\nNUL \0 bell \a escape \u001B[31m delete \u007F.\n");
        site.BuildSuccessfully();
        Assert.DoesNotContain('\0', site.ReadOutput("life/early/index.html"));
    }

    [LinuxFact]
    public void Symbolic_links_that_leave_the_input_folder_are_refused_and_nothing_they_point_at_is_published()
    {
        using var outside = new TemporaryFolder();
        var secret = Path.Combine(outside.Path, "secret.txt");
        File.WriteAllText(secret, "---\ntitle: SECRET-7f3a\n---\nSECRET-7f3a\n");
        Directory.CreateDirectory(Path.Combine(outside.Path, "folder"));
        File.WriteAllText(Path.Combine(outside.Path, "folder", "page.md"), "---\ntitle: SECRET-7f3a\n---\n");

        using var site = BuiltMinimalSite(out var before);
        Link(site, "life/secret.md", secret);             // a page
        Link(site, "leak.txt", secret);                   // a file copied as it is
        Link(site, "_data/leak.yml", secret);             // a data file
        Link(site, "layouts/leak.liquid", secret);        // a layout, read by the theme
        Link(site, "assets/site.css", secret);            // a theme asset replaced from the content
        Link(site, "elsewhere", Path.Combine(outside.Path, "folder"));  // a folder outside
        Link(site, "life/loop", site.Input);              // a folder that contains itself
        Link(site, "dangling.md", Path.Combine(outside.Path, "nothing-here.md"));

        var run = site.Build();

        var errors = BuildPromises.AssertFailedCleanly(site, run, before, "links out of input");
        Assert.Equal(
            ["_data/leak.yml(1,1): error KS0015", "assets/site.css(1,1): error KS0015",
                "dangling.md(1,1): error KS0015",
             "elsewhere(1,1): error KS0015", "layouts/leak.liquid(1,1): error KS0015", "leak.txt(1,1): error KS0015",
             "life/loop(1,1): error KS0015", "life/secret.md(1,1): error KS0015"],
            errors.Select(e => e.Key).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain("SECRET-7f3a", run.Stderr);
    }

    [LinuxFact]
    public void A_symbolic_link_to_a_file_inside_the_input_folder_is_read_like_the_file()
    {
        using var site = TestSite.FromFixture("minimal");
        File.CreateSymbolicLink(Path.Combine(site.Input, "copy.txt"), "notes.txt");
        site.BuildSuccessfully();
        Assert.Equal("plain text file\n", site.ReadOutput("copy.txt"));
    }

    [LinuxFact]
    public void A_named_pipe_is_refused_instead_of_blocking_the_build_forever()
    {
        using var site = BuiltMinimalSite(out var before);
        MakeFifo(Path.Combine(site.Input, "life", "pipe.md"));
        MakeFifo(Path.Combine(site.Input, "pipe.txt"));
        MakeFifo(Path.Combine(site.Input, "layouts", "pipe.liquid"));

        var build = Task.Run(() => site.Build());
        Assert.True(build.Wait(TimeSpan.FromSeconds(60)), "the build hangs on a named pipe");

        var errors = BuildPromises.AssertFailedCleanly(site, build.Result, before, "named pipes");
        Assert.Equal(["layouts/pipe.liquid(1,1): error KS0015", "life/pipe.md(1,1): error KS0015",
            "pipe.txt(1,1): error KS0015"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [UnprivilegedFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_and_a_folder_without_read_permission_are_reported_as_unreadable()
    {
        using var site = BuiltMinimalSite(out var before);
        site.Write("life/locked.md", "---\ntitle: Locked\n---\n");
        site.Write("locked/inside.txt", "x");
        File.SetUnixFileMode(Path.Combine(site.Input, "life", "locked.md"), UnixFileMode.None);
        File.SetUnixFileMode(Path.Combine(site.Input, "locked"), UnixFileMode.None);
        try
        {
            var (run, folder) = ChildBuild.BuildUnprivileged(site);
            var errors = BuildPromises.AssertFailedCleanly(site, run, before, "chmod 000", folder);
            Assert.Equal(["life/locked.md(1,1): error KS0015", "locked(1,1): error KS0015"],
                errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(site.Input, "locked"),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [LinuxFact]
    public void Page_names_whose_address_would_break_are_reported()
    {
        using var site = BuiltMinimalSite(out var before);
        site.Write("life/why?.md", "---\ntitle: Question\n---\n");
        site.Write("life/back\\slash.md", "---\ntitle: Backslash\n---\n");
        site.Write("life/new\nline.md", "---\ntitle: Newline\n---\n");
        var errors = BuildPromises.AssertFailedCleanly(site, site.Build(), before, "unfit page names");
        Assert.Equal(["life/back\\slash.md(1,1): error KS0019", "life/new\\u000Aline.md(1,1): error KS0019",
            "life/why?.md(1,1): error KS0019"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_output_path_that_is_a_file_is_bad_usage_and_nothing_is_written_beside_it()
    {
        using var site = TestSite.FromFixture("minimal");
        var file = Path.Combine(site.Root, "output");
        File.WriteAllText(file, "not a folder");
        var run = site.Build();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a file", run.Stderr);
        Assert.Equal("not a folder", File.ReadAllText(file));
        BuildPromises.AssertNothingBesideOutput(site, "output is a file");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_20_megabyte_page_builds()
    {
        using var site = TestSite.FromFixture("minimal");
        var text = new StringBuilder("---\ntitle: A very long page\n---\n## Birth\n\n");
        var random = new Random(20);
        string[] words = ["mutual", "aid", "the", "conquest", "of", "bread", "fields", "factories", "workshops",
            "Siberia", "anarchy", "cooperation"];
        while (text.Length < 20_000_000)
        {
            for (var i = 0; i < 120; i++)
                text.Append(words[random.Next(words.Length)]).Append(i % 17 == 16 ? ".\n" : " ");
            text.Append("\n\n");
        }
        site.Write("life/early.md", text.ToString());
        site.BuildSuccessfully();
        Assert.True(new FileInfo(Path.Combine(site.Output, "life", "early", "index.html")).Length > 20_000_000);
    }

    [Fact]
    public void Lists_nested_thousands_deep_are_reported_at_the_line_too_deep_without_being_parsed()
    {
        using var site = TestSite.FromFixture("minimal");
        var staircase = string.Join('\n',
            Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + "- item " + i)); // Markdig alone took 80 s
        site.Write("life/early.md", "---\ntitle: Early years\n---\n" + staircase + "\n");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines, line => line.Contains(": error ", StringComparison.Ordinal));
        Assert.StartsWith(
            $"{Path.Combine(site.Input, "life", "early.md")}(104,1): error KS0013: lists nest more than 100 levels",
            error); // the 101st item
    }

    [Fact]
    public void Lists_nested_sixty_deep_still_build()
    {
        using var site = TestSite.FromFixture("minimal");
        var staircase = string.Join('\n', Enumerable.Range(0, 60).Select(i => new string(' ', 2 * i) + "- item " + i));
        site.Write("life/early.md", "---\ntitle: Early years\n---\n" + staircase + "\n");
        site.BuildSuccessfully();
        Assert.Contains("item 59", site.ReadOutput("life/early/index.html"));
    }

    [Fact]
    public void A_page_in_folders_200_deep_builds_and_links_both_ways_work()
    {
        using var site = TestSite.FromFixture("minimal");
        var deep = string.Join('/', Enumerable.Repeat("d", 200));
        site.Write(deep + "/page.md", "---\ntitle: Deep down\n---\nBack [home](/).\n");
        site.Write("deep-link.md", $"---\ntitle: Linker\n---\nDown [there](/{deep}/page/).\n");
        site.BuildSuccessfully();
        Assert.True(site.OutputExists(deep + "/page/index.html"));
        Assert.True(site.OutputExists("d/index.html")); // the generated section page
    }

    [Fact]
    public void Five_thousand_events_on_one_page_all_reach_the_timeline()
    {
        using var site = TestSite.FromFixture("minimal");
        var text = new StringBuilder("---\ntitle: Many events\nevents:\n");
        for (var i = 0; i < 5000; i++)
            text.Append($"  - date: \"{1800 + i % 120:D4}-{1 + i % 12:D2}-{1 + i % 28:D2}\"\n" +
                $"    title: \"Event {i} <b>&amp;</b>\"\n    place: Place {i % 9}\n");
        text.Append("---\nBody.\n");
        site.Write("life/many.md", text.ToString());
        var stopwatch = Stopwatch.StartNew();
        site.BuildSuccessfully();
        var timeline = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(site.ReadOutput("timeline/index.html"));
        Assert.Equal(5000 + 5, timeline.QuerySelectorAll("li.event").Length); // and the minimal site's five
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"5000 events took {stopwatch.Elapsed}");
    }

    private static TestSite BuiltMinimalSite(out SortedDictionary<string, byte[]> before)
    {
        var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        before = site.Snapshot();
        return site;
    }

    private static void AssertFailsWithExactly(TestSite site, SortedDictionary<string, byte[]> before, string what,
        params string[] expected)
    {
        var errors = BuildPromises.AssertFailedCleanly(site, site.Build(), before, what);
        Assert.Equal(expected.Order(StringComparer.Ordinal),
            errors.Select(e => e.Key).Distinct().Order(StringComparer.Ordinal));
    }

    private static byte[] Bytes(string before, byte[] bad, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)];

    private static void Link(TestSite site, string relative, string target)
    {
        var path = Path.Combine(site.Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(target)) Directory.CreateSymbolicLink(path, target);
        else File.CreateSymbolicLink(path, target);
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ks-outside-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
