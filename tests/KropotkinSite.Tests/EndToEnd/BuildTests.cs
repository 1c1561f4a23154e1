using KropotkinSite.Pipelines;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.EndToEnd;

public sealed class BuildTests
{
    [Fact]
    public void The_projects_own_content_builds_without_errors()
    {
        using var site = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, site.Input);
        var run = site.BuildSuccessfully();
        Assert.Contains("Wrote ", run.Stdout);
        Assert.True(site.OutputExists("index.html"));
        Assert.True(site.OutputExists("works/index.html"));
        Assert.True(site.OutputExists("timeline/index.html"));
    }

    [Fact]
    public void Pages_are_written_at_pretty_urls()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        Assert.True(site.OutputExists("index.html"));
        Assert.True(site.OutputExists("life/index.html"));
        Assert.True(site.OutputExists("life/early/index.html"));
        Assert.True(site.OutputExists("works/first/index.html"));
        Assert.True(site.OutputExists("404.html"));
        Assert.False(site.OutputExists("life/early.html"));
    }

    [Fact]
    public void Other_files_are_copied_to_the_same_relative_path_and_underscore_files_are_not()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("_notes/secret.md", "---\ntitle: Hidden\n---\nno");
        site.BuildSuccessfully();
        Assert.Equal("plain text file\n", site.ReadOutput("notes.txt"));
        Assert.False(site.OutputExists("_site.yml"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "_notes")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "_data")));
    }

    [Fact]
    public void Stylesheets_get_a_content_hash_in_their_name_and_pages_link_to_that_name()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully();
        var css = Directory.GetFiles(Path.Combine(site.Output, "assets"), "site.*.css").Single();
        var name = Path.GetFileName(css);
        Assert.Matches(@"^site\.[0-9a-f]{10}\.css$", name);
        Assert.Contains($"href=\"/assets/{name}\"", site.ReadOutput("index.html"));
    }

    [Fact]
    public void Drafts_are_left_out_unless_the_build_asks_for_them()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Write("life/draft.md",
            "---\ntitle: Unfinished thoughts\ndraft: true\nevents:\n  - date: \"1900\"\n    title: Draft " +
            "event\n---\nSoon.");
        site.BuildSuccessfully();
        Assert.False(site.OutputExists("life/draft/index.html"));
        Assert.DoesNotContain("Unfinished thoughts", site.ReadOutput("life/index.html"));
        Assert.DoesNotContain("Draft event", site.ReadOutput("timeline/index.html"));

        site.BuildSuccessfully("--drafts");
        Assert.True(site.OutputExists("life/draft/index.html"));
        Assert.Contains("Draft event", site.ReadOutput("timeline/index.html"));
    }

    [Fact]
    public void A_base_path_prefixes_every_root_relative_url_the_site_emits()
    {
        using var site = TestSite.FromFixture("minimal");
        site.BuildSuccessfully("--base-path", "/kropotkin/");
        var html = site.ReadOutput("life/early/index.html");
        Assert.Contains("href=\"/kropotkin/works/first/\"", html);
        Assert.Contains("href=\"/kropotkin/life/\"", html);
        Assert.Matches("href=\"/kropotkin/assets/site\\.[0-9a-f]{10}\\.css\"", html);
        var dom = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var rootRelative = dom.QuerySelectorAll("[href],[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal));
        Assert.All(rootRelative, url => Assert.StartsWith("/kropotkin/", url));
    }

    [Fact]
    public void A_file_in_input_replaces_the_theme_file_at_the_same_path()
    {
        using var site = TestSite.FromFixture("minimal");
        var layout = File.ReadAllText(Path.Combine(Repository.Theme, "layouts", "page.liquid"))
            .Replace("<article class=\"prose\">", "<article class=\"prose\" data-overridden=\"yes\">");
        site.Write("layouts/page.liquid", layout);
        site.BuildSuccessfully();
        Assert.Contains("data-overridden=\"yes\"", site.ReadOutput("life/early/index.html"));
        Assert.False(site.OutputExists("layouts/page.liquid"));
    }

    [Fact]
    public void Markup_in_front_matter_comes_out_escaped()
    {
        using var site = TestSite.Minimal();
        site.Write("page.md",
            "---\ntitle: \"<script>alert(1)</script> & co\"\ndescription: \"\\\"><img src=x " +
            "onerror=alert(1)>\"\n---\nBody.");
        site.BuildSuccessfully();
        var html = site.ReadOutput("page/index.html");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
    }

    [Fact]
    public void Two_builds_of_the_same_input_copied_in_reverse_file_order_are_byte_identical()
    {
        using var first = TestSite.Empty();
        using var second = TestSite.Empty();
        TestSite.CopyDirectory(Repository.Input, first.Input);
        TestSite.CopyDirectory(Repository.Input, second.Input, reverseOrder: true);
        first.BuildSuccessfully();
        second.BuildSuccessfully();
        var a = first.Snapshot();
        var b = second.Snapshot();
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (path, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[path]),
            $"{path} differs between the two builds");
    }

    [Fact]
    public void Unknown_arguments_are_bad_usage_with_exit_status_2_and_a_usage_message()
    {
        var stderr = new StringWriter();
        var code = CommandLine.Run(["build", "--frobnicate"], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("Usage: KropotkinSite", stderr.ToString());
    }

    [Fact]
    public void A_folder_of_other_files_is_never_replaced_by_the_output()
    {
        using var site = TestSite.FromFixture("minimal");
        Directory.CreateDirectory(site.Output);
        File.WriteAllText(Path.Combine(site.Output, "thesis.docx"), "precious");
        var run = site.Build();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a site built before", run.Stderr);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(site.Output, "thesis.docx")));
    }

    [Fact]
    public void A_missing_theme_folder_is_bad_usage()
    {
        using var site = TestSite.FromFixture("minimal");
        site.Theme = Path.Combine(site.Root, "no-such-theme");
        var run = site.Build();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the theme folder", run.Stderr);
    }

    [Fact]
    public void Asked_to_time_steps_a_build_times_every_module_of_every_pipeline_and_the_setup_and_writing()
    {
        using var site = TestSite.FromFixture("minimal");
        var result = SiteBuilder.Build(new BuildOptions(site.Input, site.Output, site.Theme), timeSteps: true);
        Assert.True(result.Succeeded);
        Assert.Equal(["Gather", "GenerateSectionPages", "PrepareLayouts", "RenderLayoutParts", "ApplyLayout"],
            result.Timings.Single(t => t.Pipeline == "render").Steps.Select(s => s.Step));
        Assert.Equal("(setup)", result.Timings[0].Pipeline);
        Assert.Equal("(write)", result.Timings[^1].Pipeline);
        Assert.All(result.Timings, t => Assert.NotEmpty(t.Steps));
    }

    [Fact]
    public void The_summary_reports_pages_written_and_time_per_pipeline()
    {
        using var site = TestSite.FromFixture("minimal");
        var run = site.BuildSuccessfully();
        Assert.Matches(@"Wrote \d+ pages", run.Stdout);
        Assert.Matches(@"render\s+\d+ docs\s+[\d.]+ ms", run.Stdout);
        Assert.Matches(@"Built in \d+ ms", run.Stdout);
    }
}
