using KropotkinSite.Pipelines;
using KropotkinSite.Preview;
using KropotkinSite.Tests.Support;

namespace KropotkinSite.Tests.Preview;

/// <summary>An incremental rebuild must give exactly the files a full build of the same input gives.</summary>
public sealed class IncrementalRebuildTests
{
    public static TheoryData<string> Edits => new()
    {
        "retitle a page",
        "reorder a page",
        "change a work",
        "add an event",
        "add a page",
        "delete a page",
        "change a layout",
        "change the settings",
        "add a link to a work",
        "change a timeline data file",
        "change a stylesheet",
        "change a neighbour's description",
        "retitle a section page",
        "change a work's year",
        "rename an event",
        "add a draft",
        "change the subject of the site",
        "break a link",
        "remove a heading a link points to",
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_the_rebuilt_site_equals_a_full_build_of_the_same_input(string edit)
    {
        using var site = TestSite.FromFixture("minimal");
        site.Theme = Path.Combine(site.Root, "theme");
        TestSite.CopyDirectory(Repository.Theme, site.Theme);
        var session = new PreviewSession(new BuildOptions(site.Input, site.Output, site.Theme));
        Assert.Empty(session.Rebuild().Errors);

        Apply(site, edit);
        var rebuilt = session.Rebuild();
        if (edit is "break a link" or "remove a heading a link points to")
        {
            var failed = site.Build();
            Assert.Equal(1, failed.ExitCode);
            Assert.Equal(failed.ErrorLines, rebuilt.Errors.Select(e => e.ToString()).ToArray());
            Assert.NotEmpty(rebuilt.Errors);
            return;
        }
        Assert.Empty(rebuilt.Errors);
        Assert.True(rebuilt.CacheHits > 0, "the rebuild should reuse work");

        site.BuildSuccessfully();
        var full = site.Snapshot();
        var incremental = session.Current.Files;
        Assert.Equal(full.Keys, incremental.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in full)
            Assert.True(bytes.AsSpan().SequenceEqual(incremental[path].Span), $"{path} differs from a full build after '{edit}'");
    }

    private static void Apply(TestSite site, string edit)
    {
        string Read(string path) => File.ReadAllText(Path.Combine(site.Input, path));
        switch (edit)
        {
            case "retitle a page": site.Write("life/early.md", Read("life/early.md").Replace("title: Early years", "title: Youth")); break;
            case "reorder a page": site.Write("life/later.md", Read("life/later.md").Replace("order: 2", "order: 0")); break;
            case "change a work": site.Write("works/second.md", "---\ntitle: Second\nyear: 1870\nkind: article\n---\nNow an article."); break;
            case "add an event": site.Write("life/later.md", Read("life/later.md").Replace("    title: Escapes", "    title: Escapes\n  - date: \"1880\"\n    title: Something new")); break;
            case "add a page": site.Write("life/new.md", "---\ntitle: New page\norder: 3\n---\nSee [the first work](/works/first/)."); break;
            case "delete a page": site.Delete("works/second.md"); site.Write("life/later.md", Read("life/later.md").Replace("[the second work](/works/second/)", "the second work")); break;
            case "change a layout":
                var layout = Path.Combine(site.Theme, "layouts", "work.liquid");
                File.WriteAllText(layout, File.ReadAllText(layout).Replace("First published", "Published"));
                break;
            case "change the settings": site.Write("_site.yml", "title: Another Title\nlanguage: fr\n"); break;
            case "add a link to a work": site.Write("index.md", Read("index.md") + "\nAlso [the second](/works/second/).\n"); break;
            case "change a timeline data file": site.Write("_data/timeline.yml", "- date: \"1900\"\n  title: Only this\n"); break;
            case "change a stylesheet":
                var css = Path.Combine(site.Theme, "assets", "site.css");
                File.AppendAllText(css, "\n.extra { color: red; }\n");
                break;
            case "change a neighbour's description": site.Write("life/later.md", Read("life/later.md").Replace("order: 2", "order: 2\ndescription: A new summary.")); break;
            case "retitle a section page": site.Write("life/index.md", Read("life/index.md").Replace("title: Life", "title: A Life")); break;
            case "change a work's year": site.Write("works/first.md", Read("works/first.md").Replace("year: 1885", "year: 1950")); break;
            case "rename an event": site.Write("life/early.md", Read("life/early.md").Replace("title: Born", "title: Born in Moscow")); break;
            case "add a draft": site.Write("life/draft.md", "---\ntitle: Draft\ndraft: true\n---\nNot yet."); break;
            case "change the subject of the site": site.Write("_site.yml", Read("_site.yml") + "subject:\n  name: Somebody Else\n  birth_date: \"1900\"\n"); break;
            case "break a link": site.Write("index.md", Read("index.md").Replace("(/life/early/)", "(/life/gone/)")); break;
            case "remove a heading a link points to": site.Write("life/later.md", Read("life/later.md").Replace("## Exile", "Exile.")); break;
            default: throw new ArgumentException(edit);
        }
    }
}
