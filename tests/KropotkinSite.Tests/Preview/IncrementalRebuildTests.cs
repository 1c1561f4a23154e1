using System.Text;
using KropotkinSite.Pipelines;
using KropotkinSite.Preview;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Preview;

/// <summary>An incremental rebuild must give exactly the files (or the errors) a full build of the same input
/// gives.</summary>
public sealed class IncrementalRebuildTests
{
    public static TheoryData<string> Edits => new(EditNames);

    private static readonly string[] EditNames =
    [
        "retitle a page",
        "retitle the page after it",
        "reorder a page",
        "change a work",
        "retitle a work",
        "add an event",
        "add a page",
        "delete a page",
        "change a layout",
        "change a partial",
        "add a layout of the site's own",
        "change the settings",
        "add a link to a work",
        "remove a link to a work",
        "change a timeline data file",
        "change a stylesheet",
        "change a neighbour's description",
        "change a page's first paragraph",
        "add a paragraph to a page",
        "add a heading to a page",
        "touch a page without changing it",
        "retitle a section page",
        "change a work's year",
        "change a work's e-texts",
        "rename an event",
        "add a draft",
        "change the subject of the site",
        "break a link",
        "remove a heading a link points to",
        "point an event at a missing heading",
    ];

    /// <summary>Edits whose full build fails: the rebuild must report the same errors.</summary>
    private static readonly HashSet<string> Breaking = ["break a link", "remove a heading a link points to",
        "point an event at a missing heading"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_the_rebuilt_site_equals_a_full_build_of_the_same_input(string edit)
    {
        using var site = SiteWithItsOwnTheme();
        var session = new PreviewSession(new BuildOptions(site.Input, site.Output, site.Theme));
        Assert.Empty(session.Rebuild().Errors);

        var before = session.Current.Files;
        Apply(site, edit);
        var rebuilt = session.Rebuild();

        AssertSameAsFullBuild(site, session, rebuilt, edit);
        if (Breaking.Contains(edit) || ChangesWhatEveryPageShows.Contains(edit)) return;
        // A page is laid out again only when what its layout shows changed, and then its HTML changes too.
        var changedPages = session.Current.Files.Count(f => f.Key.EndsWith(".html", StringComparison.Ordinal)
            && !(before.TryGetValue(f.Key, out var old) && old.Span.SequenceEqual(f.Value.Span)));
        if (!GivenButNotShown.Contains(edit))
            Assert.True(LaidOut(rebuilt) <= changedPages,
                $"{LaidOut(rebuilt)} pages laid out again, {changedPages} changed");
        Assert.True(LaidOut(rebuilt) < session.Current.Files.Keys.Count(k => k.EndsWith(".html",
            StringComparison.Ordinal)),
            "every page was laid out again");
    }

    /// <summary>Edits of every sort (a page's words, the pages' order and set, the theme, a broken link) to rebuild
    /// pages first.</summary>
    public static TheoryData<string> PagesFirstEdits => new("retitle a page", "add a paragraph to a page",
        "add a page", "delete a page", "change a layout", "break a link");

    [Theory]
    [MemberData(nameof(PagesFirstEdits))]
    public void An_edit_built_pages_first_serves_a_full_builds_pages_and_catching_up_its_search_index_too(string edit)
    {
        using var site = SiteWithItsOwnTheme();
        var options = new BuildOptions(site.Input, site.Output, site.Theme);
        var session = new PreviewSession(options);
        Assert.Empty(session.Rebuild().Errors);
        var servedIndex = BuiltFiles(options).Index;

        Apply(site, edit);
        var first = session.Publish(session.BuildPagesFirst());

        if (Breaking.Contains(edit))
        {
            AssertSameAsFullBuild(site, session, first, edit); // a link is checked before anything is served
            return;
        }
        Assert.Equal([PipelineNames.SearchIndex], first.Lagging);
        var (files, index) = BuiltFiles(options);
        var expected = files.Where(f => !index.ContainsKey(f.Key)).Concat(servedIndex)
            .OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Select(f => f.Key), session.Current.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.Span.SequenceEqual(session.Current.Files[path].Span),
                $"{path} is not what a full build writes, or the search index served before, after '{edit}'");

        var caughtUp = session.Publish(session.CatchUp());
        Assert.Empty(caughtUp.Lagging);
        AssertSameAsFullBuild(site, session, caughtUp, edit);
    }

    /// <summary>The files a full build of the input as it is now writes, and those of them its search index
    /// writes.</summary>
    private static (Dictionary<string, ReadOnlyMemory<byte>> Files, Dictionary<string, ReadOnlyMemory<byte>> Index)
        BuiltFiles(BuildOptions options)
    {
        var (engine, result) = SiteBuilder.Run(options, new KropotkinSite.IO.DiskFiles());
        Assert.Empty(result.Errors);
        return (SiteBuilder.OutputFiles(engine, result).ToDictionary(d => d.Destination, d => d.Content),
            result.Outputs[PipelineNames.SearchIndex].ToDictionary(d => d.Destination, d => d.Content));
    }

    /// <summary>Edits of what every page's layout is given (the theme, the site's settings, the data files templates
    /// may read as <c>site.data</c>): every page is laid out again.</summary>
    private static readonly HashSet<string> ChangesWhatEveryPageShows =
    [
        "change a layout", "change a partial", "add a layout of the site's own", "change the settings",
            "change a stylesheet",
        "change the subject of the site", "change a timeline data file", "retitle a section page",
    ];

    /// <summary>Edits of what other pages are given of a page that the theme does not print everywhere (a summary in
    /// a pager link, a work's e-texts in the catalogue): those pages are laid out again with no change to
    /// show.</summary>
    private static readonly HashSet<string> GivenButNotShown =
        ["change a neighbour's description", "change a page's first paragraph", "change a work's e-texts"];

    private static int LaidOut(RebuildResult result) =>
        result.Steps.Where(s => s.Step.EndsWith("/ApplyLayout", StringComparison.Ordinal)).Sum(s => s.Computed);

    [Fact]
    public void Retitling_a_page_lays_out_again_only_the_timeline_years_that_show_its_events()
    {
        using var site = SiteWithItsOwnTheme();
        var session = new PreviewSession(new BuildOptions(site.Input, site.Output, site.Theme));
        Assert.Empty(session.Rebuild().Errors);

        // Its events are of 1876 and (from the data file) 1921; neither names a place.
        Apply(site, "retitle the page after it");
        var rebuilt = session.Rebuild();

        AssertSameAsFullBuild(site, session, rebuilt, "retitle the page after it");
        var parts = Assert.Single(rebuilt.Steps, s => s.Step.EndsWith("/RenderLayoutParts", StringComparison.Ordinal));
        // Two years laid out again, not the strip (it shows no page titles); besides, the step looks into each page
        // laid out again for the parts it lists, and gives the timeline page its parts.
        Assert.Equal(2 + LaidOut(rebuilt) + 1, parts.Computed);
        Assert.True(parts.Reused >= 4,
            $"{parts.Reused} parts kept: the strip, the timeline's other years and the places");
        Assert.Contains("Years of exile", Encoding.UTF8.GetString(session.Current.Files["timeline/index.html"].Span));
    }

    [Fact]
    public void A_file_saved_again_unchanged_makes_nothing_again()
    {
        using var site = SiteWithItsOwnTheme();
        var session = new PreviewSession(new BuildOptions(site.Input, site.Output, site.Theme));
        Assert.Empty(session.Rebuild().Errors);

        var page = Path.Combine(site.Input, "life", "early.md");
        File.WriteAllBytes(page, File.ReadAllBytes(page));
        var rebuilt = session.Rebuild([page]);

        Assert.Equal(0, rebuilt.FilesChanged);
        Assert.All(rebuilt.Steps, step => Assert.True(step.Computed == 0, $"{step.Step} computed {step.Computed}"));
    }

    [Fact]
    public void A_paragraph_added_to_one_page_lays_out_that_page_alone()
    {
        using var site = SiteWithItsOwnTheme();
        var session = new PreviewSession(new BuildOptions(site.Input, site.Output, site.Theme));
        Assert.Empty(session.Rebuild().Errors);

        site.BuildSuccessfully();
        var before = site.Snapshot();
        var page = Path.Combine(site.Input, "life", "later.md");
        File.AppendAllText(page, "\nOne more paragraph.\n");
        var rebuilt = session.Rebuild([page]);

        Assert.Equal(1, LaidOut(rebuilt));
        // What a full build changes: the page, and the search index's files that hold its words (the meta file,
        // the chunk its new words go into, under a new name, and its own page file).
        site.BuildSuccessfully();
        var after = site.Snapshot();
        var changed = after.Keys.Union(before.Keys)
            .Where(f => !before.TryGetValue(f, out var old) || !after.TryGetValue(f, out var now)
                || !old.SequenceEqual(now))
            .ToArray();
        Assert.Contains("life/later/index.html", changed);
        Assert.All(changed.Where(f => f != "life/later/index.html"), f => Assert.StartsWith("search/", f));
        Assert.Equal(changed.Length, rebuilt.FilesChanged);
    }

    /// <summary>As the preview runs: each rebuild is told which files the watcher saw change, and reads only
    /// those.</summary>
    [Fact]
    public void A_session_told_what_changed_that_makes_and_undoes_every_edit_in_turn_matches_a_full_build_each_time()
    {
        using var site = SiteWithItsOwnTheme();
        var original = Files(site);
        var session = new PreviewSession(new BuildOptions(site.Input, site.Output, site.Theme));
        Assert.Empty(session.Rebuild().Errors);

        foreach (var edit in EditNames)
        {
            var before = Stamps(site);
            Apply(site, edit);
            AssertSameAsFullBuild(site, session, session.Rebuild(Changed(before, Stamps(site))), edit);
            before = Stamps(site);
            Restore(original);
            AssertSameAsFullBuild(site, session, session.Rebuild(Changed(before, Stamps(site))), "undo " + edit);
        }
    }

    [Theory]
    [InlineData("")] // the watcher's buffer overflowed
    // a path the session cannot place (macOS names /var as /private/var)
    [InlineData("/private/elsewhere/life/early.md")]
    public void After_the_watcher_loses_track_a_rebuild_checks_every_file_again(string reported)
    {
        using var site = SiteWithItsOwnTheme();
        var session = new PreviewSession(new BuildOptions(site.Input, site.Output, site.Theme));
        Assert.Empty(session.Rebuild().Errors);
        Assert.Empty(session.Rebuild([]).Errors);

        site.Write("life/early.md",
            File.ReadAllText(Path.Combine(site.Input, "life", "early.md")) + "\nA line the watcher missed.\n");
        Assert.Empty(session.Rebuild([reported]).Errors);

        Assert.Contains("A line the watcher missed.",
            Encoding.UTF8.GetString(session.Current.Files["life/early/index.html"].Span));
    }

    /// <summary>The minimal site with a theme of its own to edit, and an address, so a sitemap is written
    /// too.</summary>
    private static TestSite SiteWithItsOwnTheme()
    {
        var site = TestSite.FromFixture("minimal");
        File.AppendAllText(Path.Combine(site.Input, "_site.yml"), "base_url: https://example.org/biography/\n");
        site.Theme = Path.Combine(site.Root, "theme");
        TestSite.CopyDirectory(Repository.Theme, site.Theme);
        return site;
    }

    private static void AssertSameAsFullBuild(TestSite site, PreviewSession session, RebuildResult rebuilt, string edit)
    {
        var full = site.Build();
        Assert.Equal(Breaking.Contains(edit) ? 1 : 0, full.ExitCode);
        if (full.ExitCode != 0)
        {
            Assert.Equal(full.ErrorLines, rebuilt.Errors.Select(e => e.ToString()).ToArray());
            return;
        }
        Assert.Empty(rebuilt.Errors);
        var expected = site.Snapshot();
        var incremental = session.Current.Files;
        Assert.Equal(expected.Keys, incremental.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(incremental[path].Span),
                $"{path} differs from a full build after '{edit}'");
    }

    /// <summary>Every file of the site folder and its theme, by full path.</summary>
    private static Dictionary<string, byte[]> Files(TestSite site) =>
        new[] { site.Input, site.Theme }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .ToDictionary(path => path, File.ReadAllBytes);

    /// <summary>Every file of the site folder and its theme, with its size and modification time.</summary>
    private static Dictionary<string, (long, DateTime)> Stamps(TestSite site) =>
        new[] { site.Input, site.Theme }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .ToDictionary(path => path, path => (new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)));

    /// <summary>What a watcher would report: files added, removed or written.</summary>
    private static string[] Changed(
        Dictionary<string, (long, DateTime)> before, Dictionary<string, (long, DateTime)> after) =>
        before.Keys.Union(after.Keys).Where(path => !before.TryGetValue(path, out var b)
            || !after.TryGetValue(path, out var a) || a != b).ToArray();

    /// <summary>Puts the folders back as they were: files written since are removed, changed ones rewritten.</summary>
    private static void Restore(Dictionary<string, byte[]> original)
    {
        var folders = original.Keys.Select(path => Path.GetDirectoryName(path)!).Distinct().ToArray();
        foreach (var path in folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f))
            .Where(p => !original.ContainsKey(p)).ToArray())
            File.Delete(path);
        foreach (var (path, bytes) in original)
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                File.WriteAllBytes(path, bytes);
    }

    private static void Apply(TestSite site, string edit)
    {
        string Read(string path) => File.ReadAllText(Path.Combine(site.Input, path));
        void Replace(string path, string old, string replacement)
        {
            var text = Read(path);
            Assert.Contains(old, text);
            site.Write(path, text.Replace(old, replacement));
        }
        switch (edit)
        {
            case "retitle a page": Replace("life/early.md", "title: Early years", "title: Youth"); break;
            case "retitle a work": Replace("works/first.md", "title: The First Work", "title: The Opening Work"); break;
            case "retitle the page after it":
                Replace("life/later.md", "title: Later years",
                    "title: Years of exile");
                break;
            case "reorder a page": Replace("life/later.md", "order: 2", "order: 0"); break;
            case "change a work":
                site.Write("works/second.md",
                    "---\ntitle: Second\nyear: 1870\nkind: article\n---\nNow an article.");
                break;
            case "add an event":
                Replace("life/later.md", "    title: Escapes",
                    "    title: Escapes\n  - date: \"1880\"\n    title: Something new");
                break;
            case "add a page":
                site.Write("life/new.md",
                    "---\ntitle: New page\norder: 3\n---\nSee [the first work](/works/first/).");
                break;
            case "delete a page":
                site.Delete("works/second.md"); Replace("life/later.md",
                    "[the second work](/works/second/)", "the second work");
                break;
            case "change a layout":
                var layout = Path.Combine(site.Theme, "layouts", "work.liquid");
                File.WriteAllText(layout, File.ReadAllText(layout).Replace("First published", "Published"));
                break;
            case "change a partial":
                var footer = Path.Combine(site.Theme, "partials", "footer.liquid");
                File.WriteAllText(footer, File.ReadAllText(footer).Replace(">Timeline<", ">Chronology<"));
                break;
            case "add a layout of the site's own":
                site.Write("layouts/plain.liquid",
                    "---\nlayout: base\n---\n<main id=\"main\"><h1>{{ page.title }}</h1>{{ content | raw }}</main>\n");
                Replace("life/later.md", "order: 2", "order: 2\nlayout: plain");
                break;
            case "change the settings": site.Write("_site.yml", "title: Another Title\nlanguage: fr\n"); break;
            case "add a link to a work":
                site.Write("index.md",
                    Read("index.md") + "\nAlso [the second](/works/second/).\n");
                break;
            case "change a timeline data file":
                site.Write("_data/timeline.yml",
                    "- date: \"1900\"\n  title: Only this\n");
                break;
            case "change a stylesheet":
                var css = Path.Combine(site.Theme, "assets", "site.css");
                File.AppendAllText(css, "\n.extra { color: red; }\n");
                break;
            case "change a neighbour's description":
                Replace("life/later.md", "order: 2",
                    "order: 2\ndescription: A new summary.");
                break;
            case "retitle a section page": Replace("life/index.md", "title: Life", "title: A Life"); break;
            case "change a work's year": Replace("works/first.md", "year: 1885", "year: 1950"); break;
            case "rename an event": Replace("life/early.md", "title: Born", "title: Born in Moscow"); break;
            case "add a draft": site.Write("life/draft.md", "---\ntitle: Draft\ndraft: true\n---\nNot yet."); break;
            case "change the subject of the site":
                site.Write("_site.yml",
                    Read("_site.yml") + "subject:\n  name: Somebody Else\n  birth_date: \"1900\"\n");
                break;
            case "remove a link to a work":
                Replace("life/early.md", "See [the first work](/works/first/) and",
                    "See");
                break;
            case "change a page's first paragraph":
                Replace("life/later.md", "Abroad for a long time",
                    "Away for many years");
                break;
            case "add a paragraph to a page":
                site.Write("life/later.md",
                    Read("life/later.md") + "\nAnother paragraph, added later.\n");
                break;
            case "add a heading to a page":
                site.Write("life/early.md",
                    Read("life/early.md") + "\n## Youth\n\nSchool and the corps of pages.\n");
                break;
            case "touch a page without changing it":
                var touched = Path.Combine(site.Input, "life", "early.md");
                File.WriteAllBytes(touched, File.ReadAllBytes(touched));
                File.SetLastWriteTimeUtc(touched, File.GetLastWriteTimeUtc(touched).AddSeconds(5));
                break;
            case "change a work's e-texts":
                Replace("works/first.md", "  - source: Some Library",
                    "  - source: Another Library");
                break;
            case "point an event at a missing heading":
                Replace("life/early.md", "anchor: birth",
                    "anchor: childhood");
                break;
            case "break a link": Replace("index.md", "(/life/early/)", "(/life/gone/)"); break;
            case "remove a heading a link points to": Replace("life/later.md", "## Exile", "Exile."); break;
            default: throw new ArgumentException(edit);
        }
    }
}
