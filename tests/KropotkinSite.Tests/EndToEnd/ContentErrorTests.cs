using System.Text;
using System.Text.RegularExpressions;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

/// <summary>
/// Every class of content mistake: the build names the file, line and column in the form editors parse,
/// exits with 1, and leaves the previously published output byte for byte as it was.
/// </summary>
public sealed class ContentErrorTests
{
    public static TheoryData<string, string, string, int, int, string> Mistakes => new()
    {
        // name, file, content, line, column, code
        { "invalid UTF-8", "life/early.md", "---\ntitle: Ok\n---\nline\nbad \u00FF here", 5, 5, "KS0001" },
        { "bad YAML", "life/early.md", "---\ntitle: Ok\nevents: [unclosed\n---\nBody", 4, 1, "KS0002" },
        { "front matter not closed", "life/early.md", "---\ntitle: Never closed\nBody", 1, 1, "KS0003" },
        { "front matter not a mapping", "life/early.md", "---\n- just\n- a list\n---\nBody", 2, 1, "KS0004" },
        { "empty file lacks its title", "life/early.md", "", 1, 1, "KS0005" },
        { "missing title", "life/early.md", "---\ndescription: no title here\n---\nBody", 2, 1, "KS0005" },
        { "empty title", "life/early.md", "---\ntitle: \"\"\n---\nBody", 2, 8, "KS0005" },
        { "wrong type of order", "life/early.md", "---\ntitle: T\norder: first\n---\nBody", 3, 8, "KS0006" },
        { "wrong type of draft", "life/early.md", "---\ntitle: T\ndraft: maybe\n---\nBody", 3, 8, "KS0006" },
        { "unknown kind", "works/first.md", "---\ntitle: T\nyear: 1900\nkind: novel\n---\nBody", 4, 7, "KS0007" },
        { "work without year", "works/first.md", "---\ntitle: T\nkind: book\n---\nBody", 2, 1, "KS0005" },
        { "month 13", "life/early.md", "---\ntitle: T\nevents:\n  - date: \"1876-13\"\n    title: E\n---\nBody", 4, 11,
            "KS0008" },
        { "30 February", "life/early.md", "---\ntitle: T\nevents:\n  - date: 1876-02-30\n    title: E\n---\nBody", 4,
            11, "KS0008" },
        { "date in another form", "life/early.md",
            "---\ntitle: T\nevents:\n  - date: June 1876\n    title: E\n---\nBody", 4, 11, "KS0008" },
        { "layout the theme lacks", "life/early.md", "---\ntitle: T\nlayout: gallery\n---\nBody", 3, 1, "KS0009" },
        { "layout leaving the theme", "life/early.md", "---\ntitle: T\nlayout: ../../etc/passwd\n---\nBody", 3, 1,
            "KS0009" },
        { "link to a missing page", "life/early.md", "---\ntitle: T\n---\nIntro.\n\nSee [nowhere](/life/nowhere/).", 6,
            5, "KS0011" },
        { "link to a missing fragment", "life/early.md",
            "---\ntitle: T\n---\nIntro.\n\nSee [there](/life/later/#no-such-heading).", 6, 5, "KS0012" },
        { "event anchor naming no heading", "life/early.md",
            "---\ntitle: T\nevents:\n  - date: \"1900\"\n    title: E\n    anchor: nope\n---\nBody", 4, 5, "KS0012" },
        { "bad YAML in the timeline data", "_data/timeline.yml", "- date: \"1900\"\n  title: [x\n", 3, 1, "KS0002" },
        { "timeline data naming a missing page", "_data/timeline.yml",
            "- date: \"1900\"\n  title: X\n  page: life/missing.md\n", 3, 9, "KS0018" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_content_mistake_is_reported_at_its_file_line_and_column_and_the_output_is_left_as_it_was(
        string name, string file, string content, int line, int column, string code)
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        var before = site.Snapshot();

        site.WriteBytes(file,
            name == "invalid UTF-8" ? Latin1WithInvalidByte(content) : Encoding.UTF8.GetBytes(content));
        var run = site.Build();

        Assert.Equal(1, run.ExitCode);
        var expected = new Regex($@"{Regex.Escape(Path.Combine("input", file))}\({line},{column}\): error {code}: \S");
        Assert.True(run.ErrorLines.Any(l => expected.IsMatch(l)),
            $"{name}: expected {file}({line},{column}): error {code}, got:\n{run.Stderr}");
        Assert.DoesNotContain("   at ", run.Stderr); // no stack trace
        AssertSameFiles(before, site.Snapshot());
    }

    [Fact]
    public void Two_pages_at_one_address_are_reported()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("life/early/index.md", "---\ntitle: Same address\n---\nBody");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("(1,1): error KS0010:") && l.Contains("life/early"));
    }

    [Fact]
    public void Every_error_of_a_run_is_reported_at_once()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("life/early.md", "---\ntitle: [broken\n---\n");
        site.Write("life/later.md", "---\ntitle: Fine\norder: x\n---\nBody.");
        site.Write("index.md", "---\ntitle: Home\n---\nSee [gone](/gone/).");
        site.Write("works/second.md", "---\ntitle: W\nyear: 1900\nkind: poem\n---\n");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("early.md") && l.Contains("KS0002"));
        Assert.Contains(run.ErrorLines, l => l.Contains("later.md") && l.Contains("KS0006"));
        Assert.Contains(run.ErrorLines, l => l.Contains("index.md") && l.Contains("KS0011"));
        Assert.Contains(run.ErrorLines, l => l.Contains("second.md") && l.Contains("KS0007"));
    }

    [Fact]
    public void A_link_to_a_page_that_failed_for_another_reason_is_not_reported_twice()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("works/first.md", "---\ntitle: W\nyear: nineteen\nkind: book\n---\n");
        var run = site.Build();
        Assert.Single(run.ErrorLines);
        Assert.Contains("KS0006", run.ErrorLines[0]);
    }

    [Fact]
    public void Deeply_nested_markdown_is_a_content_error_not_a_crash()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("life/early.md", "---\ntitle: Deep\n---\n" + new string('>', 20000) + " quote\n");
        var run = site.Build();
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("early.md(4,1): error KS0013"));
    }

    private static byte[] Latin1WithInvalidByte(string content) => Encoding.Latin1.GetBytes(content);

    private static void AssertSameFiles(SortedDictionary<string, byte[]> before, SortedDictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before)
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed although the build failed");
    }
}
